package org.ipc.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ipc.audit.AuditAction;
import org.ipc.audit.AuditTrail;
import org.ipc.cases.CaseLifecycle;
import org.ipc.cases.PatientCase;
import org.ipc.common.ConflictException;
import org.ipc.common.NotFoundException;
import org.ipc.common.Page;
import org.ipc.officehours.BusinessClock;
import org.ipc.security.CurrentUser;
import org.ipc.security.Roles;
import org.ipc.workflow.EngineDoor;
import org.ipc.workflow.TaskForms;
import org.ipc.workitems.WorkItem;
import org.ipc.workitems.WorkItemFilter;
import org.ipc.workitems.WorkItems;
import org.ipc.workitems.TaskView;

/**
 * The task inbox: the tasks a worker may see (their groups' open tasks and their own), read from the task read model,
 * and claiming, completing and handing them on through the engine's door. A task outside the caller's reach answers
 * as if it did not exist.
 */
@ApplicationScoped
public class InboxService {

    @Inject
    WorkItems workItems;

    @Inject
    EngineDoor engine;

    @Inject
    CurrentUser user;

    @Inject
    Clock clock;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    BusinessClock office;

    @Inject
    AuditTrail audit;

    @Transactional
    public Page<TaskView> list(WorkItemFilter filter, int first, int size) {
        Instant now = Instant.now(clock);
        Page<WorkItem> page = workItems.visibleTo(user.id(), user.taskGroups(), filter, now, first, size);
        List<TaskView> items = page.items().stream().map(w -> TaskView.of(w, now)).toList();
        audit.record(AuditAction.TASKS_LISTED, null, items.size() + " tasks");
        return new Page<>(items, page.total());
    }

    /** Every open task of a case, whoever may work it: what the staff's case page shows. */
    @Transactional
    public List<TaskView> openTasksOf(PatientCase c) {
        Instant now = Instant.now(clock);
        return workItems.ofCase(c.id).stream().map(w -> TaskView.of(w, now)).toList();
    }

    @Transactional
    public TaskDetails details(String taskId) {
        TaskView task = view(visibleTask(taskId));
        audit.record(AuditAction.TASK_READ, task.caseId(), "task " + taskId);
        return new TaskDetails(task, engine.form(taskId));
    }

    @Transactional
    public TaskView claim(String taskId) {
        WorkItem task = visibleTask(taskId);
        String me = user.id();
        if (task.assignee() != null && !task.assignee().equals(me)) {
            throw heldBy(task.assignee());
        }
        engine.claim(taskId, me);
        return audited(AuditAction.TASK_CLAIMED, view(visibleTask(taskId)));
    }

    @Transactional
    public TaskView unclaim(String taskId) {
        WorkItem task = visibleTask(taskId);
        if (task.assignee() != null && !task.assignee().equals(user.id())) {
            throw heldBy(task.assignee());
        }
        engine.assign(taskId, null);
        return audited(AuditAction.TASK_UNCLAIMED, view(visibleTask(taskId)));
    }

    @Transactional
    public CompletedTask complete(String taskId, Map<String, Object> submitted) {
        WorkItem task = visibleTask(taskId);
        String me = user.id();
        if (task.assignee() == null) {
            throw new ConflictException("Claim this task before completing it");
        }
        if (!task.assignee().equals(me)) {
            throw heldBy(task.assignee());
        }
        TaskForms.Submission form = engine.checkForm(taskId, submitted);
        lifecycle.recordNotes(task.caseId(), task.taskKey(), form.notes(), me);
        // Checked against the declared form above; free text went to the case's notes, so complete with the
        // routing values only (submitting the form would re-check the text fields we kept out).
        engine.complete(taskId, form.processValues(), me, user.taskGroups());
        audit.record(AuditAction.TASK_COMPLETED, task.caseId(), "task " + taskId);
        PatientCase c = PatientCase.findById(task.caseId());
        return new CompletedTask(taskId, c.id, c.status);
    }

    /** One of the caller's queues: its candidate group, open unassigned tasks, and how many are overdue. */
    public record Queue(String group, long unassigned, long overdue) {
    }

    /** Counts per queue the caller works, plus the tasks they hold. */
    public record Queues(List<Queue> queues, long mine, long mineOverdue) {
    }

    @Transactional
    public Queues queues() {
        Instant now = Instant.now(clock);
        List<Queue> queues = user.taskGroups().stream().map(group -> new Queue(group,
                workItems.unassignedIn(group, null), workItems.unassignedIn(group, now))).toList();
        return new Queues(queues, workItems.heldBy(user.id(), null), workItems.heldBy(user.id(), now));
    }

    /**
     * Hands a task the caller holds to a named colleague; a supervisor may hand on any task they can see. The
     * colleague's own groups are Keycloak's to know: a colleague outside the task's groups will not see it.
     */
    @Transactional
    public TaskView delegate(String taskId, String colleague) {
        WorkItem task = visibleTask(taskId);
        String me = user.id();
        boolean holder = me.equals(task.assignee());
        if (!holder && !user.hasRole(Roles.SUPERVISOR)) {
            throw task.assignee() == null ? new ConflictException("Claim this task before handing it on")
                    : heldBy(task.assignee());
        }
        engine.assign(taskId, colleague);
        return audited(AuditAction.TASK_DELEGATED, view(workItems.find(taskId).orElseThrow()));
    }

    /** The task if the caller may see it: assigned to them, or a candidate task of one of their groups. */
    private WorkItem visibleTask(String taskId) {
        return workItems.find(taskId)
                .filter(t -> user.id().equals(t.assignee())
                        || t.candidateGroups().stream().anyMatch(user.taskGroups()::contains))
                .orElseThrow(() -> new NotFoundException("Task"));
    }

    private TaskView view(WorkItem task) {
        return TaskView.of(task, Instant.now(clock));
    }

    private TaskView audited(AuditAction action, TaskView task) {
        audit.record(action, task.caseId(), "task " + task.id());
        return task;
    }

    private static ConflictException heldBy(String assignee) {
        return new ConflictException("This task is held by " + assignee);
    }
}
