package org.ipc.cases;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How the office acknowledged a new case: when, whether it was open, when it opens next (in the patient's own
 * zone) and the message, in the patient's language.
 */
@Schema(name = "Acknowledgement")
public record Acknowledgement(
        Instant at,
        boolean officeOpen,
        /** ISO-8601 with the patient's UTC offset. */
        String officeOpensAt,
        String timeZone,
        String language,
        String message) {
}
