package org.ipc.cases;

import java.util.UUID;

/**
 * What happens to a case, published as CDI events in the transaction of the change and observed there (a plain
 * {@code @Observes}): mail ({@code notify}), the task read model ({@code workitems}), visa letters' revocation
 * ({@code visa}), the submission counter ({@code operations}) and the process ({@code workflow}) react without
 * {@code cases} knowing them. Audit is not among them: each service records its own audit entry where it acts.
 */
public final class CaseEvents {

    private CaseEvents() {
    }

    /** A physician submitted the case; its process is to start. {@code by} is the physician's subject. */
    public record CaseSubmitted(CaseSnapshot c, String by) {
    }

    /** The office acknowledged the case (once). */
    public record CaseAcknowledged(CaseSnapshot c) {
    }

    /** The case moved from {@code previous} to its snapshot's status; {@code by} is null for the process alone. */
    public record CaseStatusChanged(CaseSnapshot c, CaseStatus previous, String by) {
    }

    /**
     * Something was recorded on the case's timeline; {@code occurrence} is 1 for the first event of its kind on the
     * case, 2 for the next (reminders are numbered by it).
     */
    public record CaseEventRecorded(CaseSnapshot c, CaseEvent.Kind kind, int occurrence, String by) {
    }

    /** The case has a new single point of contact. */
    public record CaseOwnerChanged(UUID caseId, String owner, String previous, String by) {
    }
}
