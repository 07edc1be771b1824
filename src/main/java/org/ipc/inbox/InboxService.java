package org.ipc.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.ipc.api.Ids;
import org.ipc.api.Page;
import org.ipc.api.ProblemException;
import org.ipc.audit.AuditAction;
import org.ipc.audit.AuditTrail;
import org.ipc.cases.CaseLifecycle;
import org.ipc.cases.PatientCase;
import org.ipc.officehours.BusinessClock;
import org.ipc.security.CurrentUser;
import org.ipc.security.Roles;

/**
 * The task inbox over Camunda's task service: the tasks a worker may see (their groups' open tasks and their own),
 * and claiming and completing them. A task outside the caller's reach answers as if it did not exist.
 */
@ApplicationScoped
public class InboxService {

    /** Filters of {@code GET /api/inbox/tasks}; null means "any". */
    public record Filter(Assignee assignee, String language, String department, Boolean overdue, UUID caseId,
            String process) {
    }

    public enum Assignee {
        ME, UNASSIGNED
    }

    @Inject
    TaskService tasks;

    @Inject
    FormService forms;

    @Inject
    IdentityService identity;

    @Inject
    CurrentUser user;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    BusinessClock office;

    @Inject
    AuditTrail audit;

    @Transactional
    public Page<TaskView> list(Filter filter, int first, int size) {
        Instant now = Instant.now(clock);
        List<InboxQuery.Row> answer = InboxQuery.page(em, user.id(), user.taskGroups(), filter, now, first, size);
        long total = answer.isEmpty() ? 0 : answer.get(0).total();
        List<InboxQuery.Row> rows = answer.stream().filter(r -> r.id() != null).toList();
        Map<String, PatientCase> cases = PatientCase.byProcessInstance(rows.stream()
                .map(InboxQuery.Row::processInstanceId).filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<String, List<String>> groups = InboxQuery.candidateGroups(em,
                rows.stream().map(InboxQuery.Row::id).toList());
        List<TaskView> items = rows.stream().map(r -> {
            PatientCase c = r.processInstanceId() == null ? null : cases.get(r.processInstanceId());
            return new TaskView(r.id(), r.name(), r.taskKey(), c == null ? null : c.id,
                    c == null ? null : c.reference, c == null ? null : c.patient.preferredLanguage,
                    c == null ? null : c.department, r.due(), r.due() != null && r.due().isBefore(now), r.assignee(),
                    groups.getOrDefault(r.id(), List.of()), r.created());
        }).toList();
        audit.record(AuditAction.TASKS_LISTED, null, items.size() + " tasks");
        return new Page<>(items, total);
    }

    /** Every open task of a case, whoever may work it: what the staff's case page shows. */
    @Transactional
    public List<TaskView> openTasksOf(PatientCase c) {
        Instant now = Instant.now(clock);
        return tasks.createTaskQuery().processInstanceId(c.processInstanceId).active().orderByTaskCreateTime().asc()
                .list().stream().map(t -> view(t, c, now)).toList();
    }

    @Transactional
    public TaskDetails details(String taskId) {
        TaskView task = view(visibleTask(taskId));
        audit.record(AuditAction.TASK_READ, task.caseId(), "task " + taskId);
        return new TaskDetails(task, TaskForms.describe(forms.getTaskFormData(taskId).getFormFields()));
    }

    @Transactional
    public TaskView claim(String taskId) {
        Task task = visibleTask(taskId);
        String me = user.id();
        if (task.getAssignee() != null && !task.getAssignee().equals(me)) {
            throw heldBy(task.getAssignee());
        }
        try {
            tasks.claim(taskId, me);
        } catch (TaskAlreadyClaimedException | OptimisticLockingException raced) {
            throw ProblemException.conflict("Someone claimed this task at the same moment; reload the inbox");
        }
        return audited(AuditAction.TASK_CLAIMED, view(visibleTask(taskId)));
    }

    @Transactional
    public TaskView unclaim(String taskId) {
        Task task = visibleTask(taskId);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.id())) {
            throw heldBy(task.getAssignee());
        }
        tasks.setAssignee(taskId, null);
        return audited(AuditAction.TASK_UNCLAIMED, view(visibleTask(taskId)));
    }

    @Transactional
    public CompletedTask complete(String taskId, Map<String, Object> submitted) {
        Task task = visibleTask(taskId);
        String me = user.id();
        if (task.getAssignee() == null) {
            throw ProblemException.conflict("Claim this task before completing it");
        }
        if (!task.getAssignee().equals(me)) {
            throw heldBy(task.getAssignee());
        }
        TaskForms.Submission form = TaskForms.validate(forms.getTaskFormData(taskId).getFormFields(), submitted,
                office);
        PatientCase c = PatientCase.byProcessInstance(Set.of(task.getProcessInstanceId()))
                .get(task.getProcessInstanceId());
        lifecycle.recordNotes(c.id, task.getTaskDefinitionKey(), form.notes(), me);
        identity.setAuthentication(me, user.taskGroups());
        try {
            // Checked against the declared form above; free text went to the case's notes, so complete with
            // the routing values only (submitTaskForm would re-check the text fields we kept out).
            tasks.complete(taskId, form.processValues());
        } finally {
            identity.clearAuthentication();
        }
        audit.record(AuditAction.TASK_COMPLETED, c.id, "task " + taskId);
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
        Date now = Date.from(Instant.now(clock));
        List<Queue> queues = user.taskGroups().stream().map(group -> new Queue(group,
                tasks.createTaskQuery().active().taskCandidateGroup(group).taskUnassigned().count(),
                tasks.createTaskQuery().active().taskCandidateGroup(group).taskUnassigned().dueBefore(now).count()))
                .toList();
        return new Queues(queues, tasks.createTaskQuery().active().taskAssignee(user.id()).count(),
                tasks.createTaskQuery().active().taskAssignee(user.id()).dueBefore(now).count());
    }

    /**
     * Hands a task the caller holds to a named colleague; a supervisor may hand on any task they can see. The
     * colleague's own groups are Keycloak's to know: a colleague outside the task's groups will not see it.
     */
    @Transactional
    public TaskView delegate(String taskId, String colleague) {
        Task task = visibleTask(taskId);
        String me = user.id();
        boolean holder = me.equals(task.getAssignee());
        if (!holder && !user.hasRole(Roles.SUPERVISOR)) {
            throw task.getAssignee() == null ? ProblemException.conflict("Claim this task before handing it on")
                    : heldBy(task.getAssignee());
        }
        tasks.setAssignee(taskId, colleague);
        return audited(AuditAction.TASK_DELEGATED, view(tasks.createTaskQuery().taskId(taskId).singleResult()));
    }

    /** The task if the caller may see it: assigned to them, or a candidate task of one of their groups. */
    private Task visibleTask(String taskId) {
        Task task = tasks.createTaskQuery().taskId(Ids.requireEngineId(taskId, "Task")).singleResult();
        if (task == null || !(user.id().equals(task.getAssignee()) || sharesGroup(candidateGroups(taskId)))) {
            throw ProblemException.notFound("Task");
        }
        return task;
    }

    private boolean sharesGroup(List<String> candidateGroups) {
        return candidateGroups.stream().anyMatch(user.taskGroups()::contains);
    }

    private List<String> candidateGroups(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId).filter(Objects::nonNull).sorted().toList();
    }

    private TaskView view(Task task) {
        PatientCase c = task.getProcessInstanceId() == null ? null
                : PatientCase.byProcessInstance(Set.of(task.getProcessInstanceId())).get(task.getProcessInstanceId());
        return view(task, c, Instant.now(clock));
    }

    private TaskView view(Task t, PatientCase c, Instant now) {
        Instant due = t.getDueDate() == null ? null : t.getDueDate().toInstant();
        return new TaskView(t.getId(), t.getName(), t.getTaskDefinitionKey(),
                c == null ? null : c.id, c == null ? null : c.reference,
                c == null ? null : c.patient.preferredLanguage, c == null ? null : c.department,
                due, due != null && due.isBefore(now), t.getAssignee(), candidateGroups(t.getId()),
                t.getCreateTime().toInstant());
    }

    private TaskView audited(AuditAction action, TaskView task) {
        audit.record(action, task.caseId(), "task " + task.id());
        return task;
    }

    private static ProblemException heldBy(String assignee) {
        return ProblemException.conflict("This task is held by " + assignee);
    }
}
