package org.ipc.workflow;

import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.ipc.workitems.TaskState;
import org.ipc.workitems.WorkItemWriter;

/**
 * Keeps the task read model ({@link WorkItemWriter}) in step with every user task of every process, in the engine's own
 * transaction: a created, assigned or updated task (due date, follow-up date, priority, candidate groups) is written
 * as it now stands; a completed or deleted one is removed. Attached by {@link WorkItemParseListener}.
 */
@ApplicationScoped
public class WorkItemListener implements TaskListener {

    @Inject
    WorkItemWriter workItems;

    @Override
    public void notify(DelegateTask task) {
        String event = task.getEventName();
        if (EVENTNAME_COMPLETE.equals(event) || EVENTNAME_DELETE.equals(event)) {
            workItems.remove(task.getId());
        } else {
            workItems.record(stateOf(task));
        }
    }

    static TaskState stateOf(DelegateTask task) {
        Object caseId = task.getVariable(ProcessVariables.CASE_ID);
        List<String> groups = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId).filter(Objects::nonNull).toList();
        return new TaskState(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                processKey(task.getProcessDefinitionId()), task.getProcessInstanceId(),
                caseId == null ? null : UUID.fromString((String) caseId), task.getAssignee(), groups,
                instant(task.getDueDate()), instant(task.getFollowUpDate()), task.getPriority(),
                instant(task.getCreateTime()));
    }

    /** {@code second-opinion:3:8f2...} is a definition of the process {@code second-opinion}. */
    static String processKey(String processDefinitionId) {
        if (processDefinitionId == null) {
            return "none";
        }
        int colon = processDefinitionId.indexOf(':');
        return colon < 0 ? processDefinitionId : processDefinitionId.substring(0, colon);
    }

    static java.time.Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
