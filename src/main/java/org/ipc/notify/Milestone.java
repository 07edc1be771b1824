package org.ipc.notify;

import java.util.Optional;
import java.util.Set;

import org.ipc.cases.CaseEvent;
import org.ipc.cases.CaseStatus;

/**
 * The moments of a case that someone hears about by e-mail, and who: the patient (only with recorded consent) and
 * the referring physician (always). The case's events are the source: an event or a status names its milestone.
 */
public enum Milestone {

    RECEIVED(Recipient.BOTH),
    RECORDS_REQUESTED(Recipient.BOTH),
    RECORDS_REMINDER(Recipient.BOTH, Slot.EACH_TIME),
    OPINION_RELEASED(Recipient.BOTH),
    ESTIMATE_READY(Recipient.PATIENT_ONLY),
    DEPOSIT_REMINDER(Recipient.PATIENT_ONLY, Slot.EACH_TIME),
    DEPOSIT_RECEIVED(Recipient.PATIENT_ONLY),
    VISIT_SCHEDULED(Recipient.PATIENT_ONLY),
    PRE_ARRIVAL_REMINDER(Recipient.PATIENT_ONLY),
    SUMMARY_SENT(Recipient.PHYSICIAN_ONLY),
    FOLLOW_UP(Recipient.PATIENT_ONLY),
    /** The visit's appointments, with the .ics attached (issue 19); queued by the itinerary, not by an event. */
    ITINERARY(Recipient.PATIENT_ONLY, Slot.EACH_TIME),
    /** A changed itinerary: the same events, their SEQUENCE raised. */
    ITINERARY_REVISED(Recipient.PATIENT_ONLY, Slot.EACH_TIME),
    WITHDRAWN(Recipient.BOTH, Slot.CASE_END),
    DECLINED(Recipient.BOTH, Slot.CASE_END),
    CLOSED_INCOMPLETE(Recipient.BOTH, Slot.CASE_END),
    CLOSED_NO_DEPOSIT(Recipient.BOTH, Slot.CASE_END),
    CLOSED(Recipient.BOTH, Slot.CASE_END),
    /** To a staff member who chose it: someone else gave them a task (notify/StaffNotices). */
    TASK_ASSIGNED(Recipient.NO_CASE_PARTY, Slot.EACH_TIME),
    /** To the case's point of contact (or who covers) who chose it: the referring physician wrote. */
    PHYSICIAN_MESSAGE(Recipient.NO_CASE_PARTY, Slot.EACH_TIME);

    /** Who a mail goes to. */
    public enum Recipient {
        PATIENT, PHYSICIAN,
        /** A member of the Center's staff, for the notices they chose. */
        STAFF;

        static final Set<Recipient> NO_CASE_PARTY = Set.of();
        static final Set<Recipient> BOTH = Set.of(PATIENT, PHYSICIAN);
        static final Set<Recipient> PATIENT_ONLY = Set.of(PATIENT);
        static final Set<Recipient> PHYSICIAN_ONLY = Set.of(PHYSICIAN);
    }

    /** How often a milestone mails one recipient of one case. */
    enum Slot {
        /** Once per case. */
        ONCE,
        /** Once per occurrence (reminders). */
        EACH_TIME,
        /** Once per case for all the ways a case ends: the first end (withdrawn, declined, closed) is the one told. */
        CASE_END
    }

    private final Set<Recipient> recipients;
    private final Slot slot;

    Milestone(Set<Recipient> recipients) {
        this(recipients, Slot.ONCE);
    }

    Milestone(Set<Recipient> recipients, Slot slot) {
        this.recipients = recipients;
        this.slot = slot;
    }

    public Set<Recipient> recipients() {
        return recipients;
    }

    Slot slot() {
        return slot;
    }

    /** The milestone an event on the case's timeline is, if anyone is told of it. */
    public static Optional<Milestone> forEvent(CaseEvent.Kind kind) {
        return Optional.ofNullable(switch (kind) {
            case RECORDS_REQUESTED -> RECORDS_REQUESTED;
            case RECORDS_REMINDER -> RECORDS_REMINDER;
            case OPINION_RELEASED -> OPINION_RELEASED;
            case ESTIMATE_READY -> ESTIMATE_READY;
            case DEPOSIT_REMINDER -> DEPOSIT_REMINDER;
            case DEPOSIT_RECEIVED -> DEPOSIT_RECEIVED;
            case VISIT_SCHEDULED -> VISIT_SCHEDULED;
            case PRE_ARRIVAL_REMINDER -> PRE_ARRIVAL_REMINDER;
            case SUMMARY_SENT -> SUMMARY_SENT;
            case WITHDRAWN -> WITHDRAWN;
            case CLOSED_INCOMPLETE -> CLOSED_INCOMPLETE;
            case CANCELLED_NO_DEPOSIT -> CLOSED_NO_DEPOSIT;
            case RECORDS_RECEIVED, PATIENT_ARRIVED, OWNER_CHANGED -> null;
        });
    }

    /** The milestone a case status is, if anyone is told of it (the others are told through events). */
    public static Optional<Milestone> forStatus(CaseStatus status) {
        return Optional.ofNullable(switch (status) {
            case FOLLOW_UP -> FOLLOW_UP;
            case DECLINED -> DECLINED;
            case CLOSED -> CLOSED;
            default -> null;
        });
    }

}
