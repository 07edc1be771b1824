package org.ipc.visa;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the public verification page says about a genuine letter: only the name as in the passport, the planned
 * dates, the issue date, and whether the letter still stands. Nothing clinical, no passport number.
 */
@Schema(name = "Verification")
public record Verification(Status status, String issuer, String name, LocalDate plannedArrival,
        LocalDate plannedDeparture, LocalDate issuedOn, LocalDate revokedOn) {

    @Schema(name = "VerificationStatus")
    public enum Status {
        /** Genuine and in force. */
        VALID,
        /** Genuine, but withdrawn by the hospital: it no longer supports a visa application. */
        REVOKED
    }
}
