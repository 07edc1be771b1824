package org.ipc.workflow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.quarkus.engine.extension.event.CamundaEngineStartupEvent;
import org.ipc.audit.AuditAction;
import org.ipc.audit.AuditTrail;
import org.ipc.workitems.TaskState;
import org.ipc.workitems.WorkItemQueries;
import org.ipc.workitems.WorkItemWriter;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Writes the task read model from the engine's own open tasks: one task again (after a change the engine's task
 * listeners do not hear of), or the whole table (at start when it is empty but tasks exist, after an upgrade, or for
 * repair by an admin). A rebuild runs in one transaction: the inbox sees the old rows or the new ones, never half.
 */
@ApplicationScoped
public class WorkItemSync {

    private static final Logger LOG = Logger.getLogger(WorkItemSync.class);
    private static final int PAGE = 500;

    @Inject
    TaskService tasks;

    @Inject
    RuntimeService runtime;

    @Inject
    WorkItemWriter workItems;

    @Inject
    WorkItemQueries readModel;

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    void onEngineStart(@Observes CamundaEngineStartupEvent event) {
        int rebuilt = QuarkusTransaction.requiringNew().call(() -> {
            workItems.lockForRebuild();
            return readModel.count() == 0 && tasks.createTaskQuery().count() > 0 ? rebuild() : -1;
        });
        if (rebuilt >= 0) {
            LOG.infof("Task read model was empty: rebuilt %d work items from the engine's open tasks", rebuilt);
        }
    }

    /** Brings one task's row in step with the engine (or removes it, if the task is gone). Joins the transaction. */
    public void refresh(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            workItems.remove(taskId);
        } else {
            workItems.record(stateOf(task, caseIds(List.of(task)).get(task.getProcessInstanceId())));
        }
    }

    /** An admin's rebuild, for repair or after an upgrade: audited, in its own transaction. */
    @Transactional
    public int rebuildForAdmin() {
        workItems.lockForRebuild();
        int rebuilt = rebuild();
        audit.record(AuditAction.WORK_ITEMS_REBUILT, null, rebuilt + " work items");
        LOG.infof("Task read model rebuilt by an admin: %d work items", rebuilt);
        return rebuilt;
    }

    /** Replaces every row with the engine's open tasks; answers how many. Joins the caller's transaction. */
    public int rebuild() {
        workItems.removeAll();
        int written = 0;
        for (int first = 0;; first += PAGE) {
            List<Task> page = tasks.createTaskQuery().orderByTaskId().asc().listPage(first, PAGE);
            Map<String, UUID> cases = caseIds(page);
            for (Task task : page) {
                workItems.record(stateOf(task, cases.get(task.getProcessInstanceId())));
            }
            written += page.size();
            em.flush();
            em.clear();
            if (page.size() < PAGE) {
                return written;
            }
        }
    }

    private Map<String, UUID> caseIds(List<Task> page) {
        String[] instances = page.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull).distinct()
                .toArray(String[]::new);
        Map<String, UUID> cases = new HashMap<>();
        if (instances.length > 0) {
            for (VariableInstance v : runtime.createVariableInstanceQuery().processInstanceIdIn(instances)
                    .variableName(ProcessVariables.CASE_ID).list()) {
                if (v.getExecutionId().equals(v.getProcessInstanceId()) && v.getValue() instanceof String id) {
                    cases.put(v.getProcessInstanceId(), UUID.fromString(id));
                }
            }
        }
        return cases;
    }

    private TaskState stateOf(Task task, UUID caseId) {
        List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId).filter(Objects::nonNull).toList();
        return new TaskState(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                WorkItemListener.processKey(task.getProcessDefinitionId()), task.getProcessInstanceId(), caseId,
                task.getAssignee(), groups, WorkItemListener.instant(task.getDueDate()),
                WorkItemListener.instant(task.getFollowUpDate()), task.getPriority(),
                WorkItemListener.instant(task.getCreateTime()));
    }
}
