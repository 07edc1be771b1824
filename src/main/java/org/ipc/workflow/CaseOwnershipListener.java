package org.ipc.workflow;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ipc.cases.CaseLifecycle;

/**
 * Single point of contact, for every coordinator task of every process: a new task goes straight to the case's
 * owner when it has one; completing a task of a case without an owner makes the completer its owner.
 * Attached by {@link CoordinatorTaskParseListener}, so BPMN files need not repeat it.
 */
@ApplicationScoped
public class CaseOwnershipListener implements TaskListener {

    @Inject
    CaseLifecycle cases;

    @Override
    public void notify(DelegateTask task) {
        UUID caseId = ProcessVariables.caseId(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            String owner = cases.ownerOf(caseId);
            if (owner != null) {
                task.setAssignee(owner);
            }
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            cases.takeOwnershipIfUnowned(caseId, task.getAssignee());
        }
    }
}
