package org.ipc.officehours;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of {@code GET /api/office-hours/deadline}. */
@Schema(name = "Deadline")
public record DeadlineView(String from, String duration, String deadline, String timeZone) {
}
