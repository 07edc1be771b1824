package org.ipc.access;

/** Something done to a case from outside its tasks; each needs the part of the case it changes. */
public enum CaseAction {
    /** Write to the referring physician. */
    SEND_MESSAGE(CasePart.MESSAGES),
    /** Add a document people write (a translation, an opinion letter, records that came by other ways). */
    UPLOAD_DOCUMENT(CasePart.CLINICAL),
    /** Give the case another owner. */
    HAND_OVER(CasePart.PROGRESS),
    /** Say that the patient arrived. */
    RECORD_ARRIVAL(CasePart.ITINERARY),
    /** Issue or revise the cost estimate. */
    ISSUE_ESTIMATE(CasePart.MONEY),
    /** Record a payment, or that the deposit came in. */
    RECORD_PAYMENT(CasePart.MONEY),
    /** Issue or revoke a visa invitation letter. */
    ISSUE_VISA_LETTER(CasePart.VISA_LETTERS),
    /** Set the appointments. */
    PLAN_ITINERARY(CasePart.ITINERARY);

    private final CasePart part;

    CaseAction(CasePart part) {
        this.part = part;
    }

    /** The part of the case the action changes: whoever may do it sees that part. */
    public CasePart part() {
        return part;
    }
}
