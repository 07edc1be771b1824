package org.ipc.visa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.ipc.cases.CaseEvent;
import org.ipc.cases.CaseEvents.CaseEventRecorded;
import org.ipc.cases.CaseEvents.CaseStatusChanged;
import org.ipc.cases.CaseStatus;
import org.ipc.estimates.PaperworkEvents.EstimateIssued;
import org.ipc.itinerary.ItineraryChanged;

/**
 * A visa letter stands for the plan it was written from. It is revoked, in the transaction of the change, when the
 * case is withdrawn, when the visit is cancelled because the deposit never came, when a revised estimate moves the
 * planned admission, or when the itinerary's appointments move outside the letter's stay; the public verification
 * then answers {@code REVOKED}. (Issuing a new letter revokes the ones
 * before it: {@link VisaLetterService#issue}.)
 */
@ApplicationScoped
public class VisaRevocations {

    @Inject
    VisaLetterService letters;

    void caseEnded(@Observes CaseStatusChanged changed) {
        if (changed.c().status() == CaseStatus.WITHDRAWN) {
            letters.revokeLettersOf(changed.c().id(), "The case was withdrawn");
        }
    }

    void visitCancelled(@Observes CaseEventRecorded recorded) {
        if (recorded.kind() == CaseEvent.Kind.CANCELLED_NO_DEPOSIT) {
            letters.revokeLettersOf(recorded.c().id(), "The visit was cancelled: the deposit was not received");
        }
    }

    void planChanged(@Observes EstimateIssued issued) {
        if (issued.changesTheDates()) {
            letters.revokeLettersOf(issued.caseId(), "The plan changed: admission moved from "
                    + issued.previousAdmission() + " to " + issued.plannedAdmission());
        }
    }

    void itineraryChanged(@Observes ItineraryChanged changed) {
        if (changed.firstDay() != null) {
            letters.revokeLettersOutside(changed.caseId(), changed.firstDay(), changed.lastDay());
        }
    }
}
