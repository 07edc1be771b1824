package org.ipc.cases;

/** A case's status as the portal shows it (DESIGN.md); the BPMN process moves it. */
public enum CaseStatus {
    SUBMITTED,
    RECORDS_REQUESTED,
    UNDER_REVIEW,
    OPINION_READY,
    AWAITING_DEPOSIT,
    SCHEDULING,
    VISIT_SCHEDULED,
    IN_VISIT,
    FOLLOW_UP,
    CLOSED,
    DECLINED,
    WITHDRAWN;

    /** Whether the case has come to an end: nothing more happens to it. */
    public boolean hasEnded() {
        return this == CLOSED || this == DECLINED || this == WITHDRAWN;
    }
}
