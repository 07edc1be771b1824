package org.ipc.workflow;

import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.ipc.estimates.PaperworkEvents.DepositMet;
import org.ipc.estimates.PaperworkEvents.EstimateIssued;

/**
 * Where the office's papers meet the treatment-visit process, in the transaction of the paper's own change: the
 * payment that meets the deposit delivers {@code DepositReceived} when the process waits for it; a revised estimate
 * moves the deposit deadline's timer to the revision's due date (and, when the payments already meet the revised
 * deposit, lets the process go on). The process holds ids and routing answers only: the amounts stay in the
 * estimate's tables.
 */
@ApplicationScoped
public class PaperworkSignals {

    /** The deposit's deadline timer of bpmn/treatment-visit.bpmn. */
    static final String DEPOSIT_DEADLINE = "DepositDeadlinePassed";

    @Inject
    EngineDoor engine;

    void depositMet(@Observes DepositMet met) {
        engine.correlate(ProcessMessages.processOf(met.caseId()), ProcessMessages.DEPOSIT_RECEIVED, met.by());
    }

    void estimateIssued(@Observes EstimateIssued issued) {
        String process = ProcessMessages.processOf(issued.caseId());
        if (process == null || !issued.revised()) {
            return;
        }
        engine.moveTimer(process, DEPOSIT_DEADLINE, Date.from(issued.depositDueAt()));
        if (issued.depositMet()) {
            engine.correlate(process, ProcessMessages.DEPOSIT_RECEIVED, issued.by());
        }
    }
}
