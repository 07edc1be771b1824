package org.ipc.officehours;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of {@code GET /api/office-hours}: every time is written in {@code timeZone}. */
@Schema(name = "OfficeHours")
public record OfficeHoursView(
        String at,
        String timeZone,
        boolean open,
        /** {@code at} itself while the office is open, else the next opening. */
        String nextOpening,
        /** The end of the current opening while open, else null. */
        String closesAt,
        String officeTimeZone,
        /** The office's week from {@code at}'s date: each day's hours, or why it is closed. */
        List<Day> hours) {

    @Schema(name = "OfficeDay")
    public record Day(String date, String opens, String closes, String closed) {
    }
}
