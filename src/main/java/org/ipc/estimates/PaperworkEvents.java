package org.ipc.estimates;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What the international office's papers tell the rest of the service, published as CDI events in the transaction
 * of the change (observed synchronously, like the case's own events): the process and the visa letters listen,
 * so this package imports neither.
 */
public final class PaperworkEvents {

    private PaperworkEvents() {
    }

    /**
     * An estimate was issued: revision 1, or a revision that supersedes the one before ({@code previousAdmission} is
     * then the admission date the superseded one planned, else null). Ids and dates only, no amounts.
     */
    public record EstimateIssued(UUID caseId, int revision, LocalDate plannedAdmission, LocalDate previousAdmission,
            Instant depositDueAt, boolean depositMet, String by) {

        public boolean revised() {
            return revision > 1;
        }

        /** A revision that moves the admission changes the plan a visa letter was written for. */
        public boolean changesTheDates() {
            return previousAdmission != null && !previousAdmission.equals(plannedAdmission);
        }
    }

    /** The payments recorded so far meet the current estimate's deposit, with the payment of {@code by}. */
    public record DepositMet(UUID caseId, int estimateRevision, String by) {
    }
}
