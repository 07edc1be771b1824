package org.ipc.inbox;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ipc.common.OneLine;

/**
 * A saved filter as its owner writes it: a name, whom it is shared with (one of the owner's groups, or nobody), the
 * inbox's routing filters and a sort. Case references and patient names are searches, not views: they are not kept.
 * Checked by {@link SavedFilters} itself, whichever door it came through (the API or the filter editor page).
 */
@Schema(name = "FilterDefinition")
public record FilterDefinition(
        @NotBlank @Size(max = 100) @OneLine String name,
        /** A candidate group the owner works (e.g. coordinator:es), whose members see the filter too; null: personal. */
        @Size(max = 255) String sharedWith,
        @Pattern(regexp = "me|unassigned", message = "must be me or unassigned") String assignee,
        /** One of the owner's queues (candidate groups). */
        @Size(max = 255) String queue,
        @Pattern(regexp = "[a-z]{2,3}", message = "must be a language code such as ar") String language,
        @Pattern(regexp = "[a-z0-9-]{1,64}", message = "must be a department code") String department,
        Boolean overdue,
        @Pattern(regexp = "due|waiting|none|any", message = "must be due, waiting, none or any") String followUp,
        @Pattern(regexp = "second-opinion|treatment-visit", message = "must be second-opinion or treatment-visit")
        String process,
        @Pattern(regexp = "due|priority|created|follow-up", message = "must be due, priority, created or follow-up")
        String sort) {
}
