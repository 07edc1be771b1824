package org.ipc.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ipc.common.ConflictException;
import org.ipc.estimates.EstimateService;

/**
 * Task listener (on complete) of the {@code CostEstimate} task: finance writes the itemised estimate in the task
 * (the same estimate {@code POST /api/cases/{id}/estimates} takes), so the task cannot be completed before one is
 * issued. The process keeps only the revision's number ({@code estimateRevision}): the amounts, the currency and
 * the admission date stay in the estimate's tables.
 */
@Named("estimateWritten")
@ApplicationScoped
public class EstimateWrittenListener implements TaskListener {

    static final String ESTIMATE_REVISION = "estimateRevision";

    @Inject
    EstimateService estimates;

    @Override
    public void notify(DelegateTask task) {
        var estimate = estimates.current(ProcessVariables.caseId(task)).orElseThrow(() -> new ConflictException(
                "Write the cost estimate first (the task's estimate form, or POST /api/cases/{id}/estimates): "
                        + "the task is done when the case has one"));
        task.getExecution().setVariable(ESTIMATE_REVISION, estimate.revision);
    }
}
