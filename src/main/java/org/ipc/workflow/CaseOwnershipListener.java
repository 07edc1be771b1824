package org.ipc.workflow;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ipc.cases.CaseLifecycle;
import org.ipc.officehours.BusinessClock;
import org.ipc.staff.Absences;

/**
 * Single point of contact, for every coordinator task of every process: a new task goes straight to the case's
 * owner when it has one (or, while the owner is away, to whoever covers for them: the case keeps its owner);
 * completing a task of a case without an owner makes the completer its owner.
 * Attached by {@link CoordinatorTaskParseListener}, so BPMN files need not repeat it.
 */
@ApplicationScoped
public class CaseOwnershipListener implements TaskListener {

    @Inject
    CaseLifecycle cases;

    @Inject
    Absences absences;

    @Inject
    BusinessClock office;

    @Override
    public void notify(DelegateTask task) {
        UUID caseId = ProcessVariables.caseId(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            String owner = cases.ownerOf(caseId);
            if (owner != null) {
                task.setAssignee(absences.coverFor(owner, office.now()).orElse(owner));
            }
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            cases.takeOwnershipIfUnowned(caseId, task.getAssignee());
        }
    }
}
