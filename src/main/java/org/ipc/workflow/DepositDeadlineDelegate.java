package org.ipc.workflow;

import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ipc.common.ConflictException;
import org.ipc.estimates.DepositService;
import org.ipc.estimates.EstimateService;

/**
 * BPMN step "Set the deposit deadline": the deposit is due when the current estimate says (seven business days
 * before the office opens on the planned admission day, computed once by the estimate on the one business clock,
 * {@code ipc.estimates.deposit-due-before-admission}); the deposit timer waits for it. A revision moves the timer
 * ({@link PaperworkSignals}). {@code depositMet} answers whether the payments already recorded meet the deposit, so
 * a patient who paid before the estimate's task was done is not asked again.
 */
@Named("depositDeadline")
@ApplicationScoped
public class DepositDeadlineDelegate implements JavaDelegate {

    static final String DEPOSIT_DUE = "depositDue";
    static final String DEPOSIT_MET = "depositMet";

    @Inject
    EstimateService estimates;

    @Inject
    DepositService deposits;

    @Override
    public void execute(DelegateExecution execution) {
        var caseId = ProcessVariables.caseId(execution);
        var estimate = estimates.current(caseId)
                .orElseThrow(() -> new ConflictException("The case has no cost estimate: its deposit has no due date"));
        execution.setVariable(DEPOSIT_DUE, Date.from(estimate.depositDueAt));
        execution.setVariable(DEPOSIT_MET, deposits.isDepositMet(caseId));
    }
}
