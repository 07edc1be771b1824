package org.ipc.inbox;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A saved filter as lists show it: its definition, whose it is and whom it is shared with (by name), how many tasks it
 * finds for the caller now, and the query string that lists them ({@code GET /api/inbox/tasks?filter=<id>} does too).
 */
@Schema(name = "SavedFilter")
public record SavedFilterView(UUID id, String name, String owner, String ownerName, boolean mine, String sharedWith,
        String sharedWithName, FilterDefinition definition, String summary, long count, String query) {
}
