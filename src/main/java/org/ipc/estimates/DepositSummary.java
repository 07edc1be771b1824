package org.ipc.estimates;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The current estimate in brief, with the deposit's balance, for the case's referring physician: amounts are exact
 * decimal strings in {@code currency} (ISO 4217).
 */
public record DepositSummary(int revision, String currency, String total, String depositRequired,
        String depositReceived, String balance, boolean depositMet, Instant depositDue, LocalDate plannedAdmission,
        LocalDate validUntil) {
}
