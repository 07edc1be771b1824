package org.ipc.inbox;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ipc.audit.AuditAction;
import org.ipc.audit.AuditTrail;
import org.ipc.cases.CaseLifecycle;
import org.ipc.cases.PatientCase;
import org.ipc.common.ConflictException;
import org.ipc.common.InvalidInputException;
import org.ipc.common.NotFoundException;
import org.ipc.common.Page;
import org.ipc.officehours.BusinessClock;
import org.ipc.security.CurrentUser;
import org.ipc.security.Roles;
import org.ipc.staff.StaffDirectory;
import org.ipc.workflow.EngineDoor;
import org.ipc.workflow.TaskForms;
import org.ipc.workitems.QueueNames;
import org.ipc.workitems.TaskAssigned;
import org.ipc.workitems.TaskView;
import org.ipc.workitems.TaskViews;
import org.ipc.workitems.WorkItem;
import org.ipc.workitems.WorkItemFilter;
import org.ipc.workitems.WorkItemQueries;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.ForbiddenException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The task inbox: the tasks a worker may see (their groups' open tasks and their own), read from the task read model,
 * and claiming, completing, setting aside and handing them on through the engine's door, one by one or in bulk. A task
 * outside the caller's reach answers as if it did not exist.
 */
@ApplicationScoped
public class InboxService {

    /** Most tasks one bulk request works. */
    public static final int BULK_LIMIT = 100;

    @Inject
    WorkItemQueries workItems;

    @Inject
    TaskViews views;

    @Inject
    QueueNames queueNames;

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

    @Inject
    StaffDirectory directory;

    @Inject
    Event<TaskAssigned> assigned;

    @Transactional
    public Page<TaskView> list(WorkItemFilter filter, int first, int size) {
        directory.signedIn();
        Instant now = Instant.now(clock);
        Page<WorkItem> page = workItems.visibleTo(user.id(), user.taskGroups(), filter, now, first, size);
        List<TaskView> items = views.of(page.items(), now);
        audit.record(AuditAction.TASKS_LISTED, null, items.size() + " tasks");
        return new Page<>(items, page.total());
    }

    /** How many tasks a filter finds for the caller, without listing them (saved filters' counts). */
    @Transactional
    public long count(WorkItemFilter filter) {
        return workItems.visibleTo(user.id(), user.taskGroups(), filter, Instant.now(clock), 0, 0).total();
    }

    @Transactional
    public TaskDetails details(String taskId) {
        directory.signedIn();
        TaskView task = view(visibleTask(taskId));
        audit.record(AuditAction.TASK_READ, task.caseId(), "task " + taskId);
        return new TaskDetails(task, engine.form(taskId));
    }

    @Transactional
    public TaskView claim(String taskId) {
        directory.signedIn();
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
        engine.assign(taskId, null, user.id());
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

    /**
     * The holder puts a task aside until {@code at} (null: back now). It leaves the default view until then and shows
     * under the follow-up view, as in Camunda's Tasklist; the engine holds the date, and the read model follows it.
     */
    @Transactional
    public TaskView followUp(String taskId, Instant at) {
        WorkItem task = visibleTask(taskId);
        String me = user.id();
        if (task.assignee() == null) {
            throw new ConflictException("Claim this task before setting its follow-up date");
        }
        if (!task.assignee().equals(me)) {
            throw heldBy(task.assignee());
        }
        if (at != null && !at.isAfter(Instant.now(clock))) {
            throw InvalidInputException.field("followUp", "must be later than now");
        }
        if (at != null && !office.withinDateLimits(at)) {
            throw InvalidInputException.field("followUp", BusinessClock.DATE_LIMIT);
        }
        engine.followUp(taskId, at, me);
        audit.record(AuditAction.TASK_FOLLOW_UP_SET, task.caseId(),
                "task " + taskId + (at == null ? ": follow-up cleared" : ": follow up " + at));
        return view(visibleTask(taskId));
    }

    /** A follow-up day in office terms: the office's first opening on or after that date (office time). */
    public Instant officeOpeningOn(LocalDate day) {
        Instant midnight = day.atStartOfDay(office.zone()).toInstant();
        if (!office.withinDateLimits(midnight)) {
            throw InvalidInputException.field("followUp", BusinessClock.DATE_LIMIT);
        }
        return office.nextOpening(midnight);
    }

    /** One of the caller's queues: its candidate group and name, open unassigned tasks, overdue, set aside. */
    public record Queue(String group, String name, long unassigned, long overdue, long waiting) {
    }

    /**
     * Counts per queue the caller works, plus the tasks they hold; {@code stamp} changes whenever one of those tasks
     * does, so a page can tell cheaply when its list is out of date.
     */
    public record Queues(List<Queue> queues, long mine, long mineOverdue, long mineWaiting, String stamp) {
    }

    @Transactional
    public Queues queues() {
        directory.signedIn();
        WorkItemQueries.Counts counts = workItems.countsFor(user.id(), user.taskGroups(), Instant.now(clock));
        List<Queue> queues = counts.queues().stream().map(q -> new Queue(q.group(), queueNames.of(q.group()),
                q.unassigned(), q.overdue(), q.waiting())).toList();
        return new Queues(queues, counts.mine(), counts.mineOverdue(), counts.mineWaiting(), counts.stamp());
    }

    /**
     * Hands a task the caller holds to a named colleague; a supervisor may hand on any task they can see. The
     * colleague must be in the staff directory and work one of the task's groups.
     */
    @Transactional
    public TaskView delegate(String taskId, String colleague) {
        WorkItem task = visibleTask(taskId);
        StaffDirectory.Colleague to = directory.require(colleague, "userId");
        String me = user.id();
        boolean holder = me.equals(task.assignee());
        if (!holder && !user.hasRole(Roles.SUPERVISOR)) {
            throw task.assignee() == null ? new ConflictException("Claim this task before handing it on")
                    : heldBy(task.assignee());
        }
        if (!StaffDirectory.works(to, task.candidateGroups())) {
            throw InvalidInputException.field("userId", cannotWork(to, task));
        }
        engine.assign(taskId, to.subject(), me);
        tell(task, to.subject());
        return audited(AuditAction.TASK_DELEGATED, view(workItems.find(taskId).orElseThrow()));
    }

    // ---- bulk work ----------------------------------------------------------------------------------------------

    /** What a bulk request does to each of its tasks. */
    public enum BulkAction {
        CLAIM, ASSIGN, UNCLAIM
    }

    /** How one task of a bulk request went. */
    @Schema(name = "BulkOutcome")
    public enum Outcome {
        /** Done (or already so: a task the caller already holds, claimed again). */
        DONE,
        /** Someone else holds it. */
        HELD_BY_SOMEONE_ELSE,
        /** It is not in the caller's queues, nor theirs. */
        NOT_YOURS,
        /** No open task has this id (completed, withdrawn, or never was). */
        GONE,
        /** The colleague it was to go to does not work any of its queues. */
        COLLEAGUE_CANNOT_WORK_IT
    }

    /** One task's result: its outcome, why in words, and the task as it now stands (when the caller may see it). */
    public record BulkResult(String taskId, Outcome outcome, String message, TaskView task) {
    }

    /** The answer to a bulk request: one result per task, in the order asked, and how many were done. */
    public record BulkAnswer(BulkAction action, int done, int notDone, List<BulkResult> results) {
    }

    /**
     * Claims, gives back, or assigns to a named colleague each task of a selection. Each task is worked in its own
     * transaction and audited on its own, so one that cannot be done (held by someone else, not the caller's, gone)
     * leaves the others done and says why.
     */
    public BulkAnswer bulk(BulkAction action, List<String> taskIds, String colleague) {
        if (taskIds == null || taskIds.isEmpty()) {
            throw InvalidInputException.field("taskIds", "must name at least one task");
        }
        if (taskIds.size() > BULK_LIMIT) {
            throw InvalidInputException.field("taskIds", "must name at most " + BULK_LIMIT + " tasks");
        }
        for (int i = 0; i < taskIds.size(); i++) {
            if (taskIds.get(i) == null || taskIds.get(i).isBlank()) {
                throw InvalidInputException.field("taskIds[" + i + "]", "must be a task id");
            }
        }
        StaffDirectory.Colleague to;
        if (action == BulkAction.ASSIGN) {
            if (colleague == null || colleague.isBlank()) {
                throw InvalidInputException.field("assignee", "is required to assign tasks: a colleague's id");
            }
            to = directory.require(colleague.strip(), "assignee");
        } else {
            to = null;
        }
        QuarkusTransaction.requiringNew().run(directory::signedIn);
        List<BulkResult> results = new ArrayList<>();
        for (String taskId : new LinkedHashSet<>(taskIds.stream().map(String::strip).toList())) {
            results.add(inItsOwnTransaction(taskId, () -> bulkOne(action, taskId, to)));
        }
        int done = (int) results.stream().filter(r -> r.outcome() == Outcome.DONE).count();
        return new BulkAnswer(action, done, results.size() - done, results);
    }

    /**
     * Hands every task {@code from} holds to {@code to} (an absence's substitute, usually): the person themselves or a
     * supervisor. Each task on its own, as in {@link #bulk}; a task {@code to} cannot work stays where it is.
     */
    public BulkAnswer handOver(String from, String to) {
        if (!user.id().equals(from) && !user.hasRole(Roles.SUPERVISOR)) {
            throw new ForbiddenException("Only a supervisor hands over another person's tasks");
        }
        StaffDirectory.Colleague target = directory.require(to, "substitute");
        List<String> held = workItems.heldBy(from);
        List<BulkResult> results = new ArrayList<>();
        for (String taskId : held) {
            results.add(inItsOwnTransaction(taskId, () -> handOverOne(taskId, from, target)));
        }
        int done = (int) results.stream().filter(r -> r.outcome() == Outcome.DONE).count();
        return new BulkAnswer(BulkAction.ASSIGN, done, results.size() - done, results);
    }

    private BulkResult bulkOne(BulkAction action, String taskId, StaffDirectory.Colleague to) {
        Optional<WorkItem> found = workItems.find(taskId);
        if (found.isEmpty()) {
            return new BulkResult(taskId, Outcome.GONE, "No open task has this id: done, withdrawn or never was",
                    null);
        }
        WorkItem task = found.get();
        String me = user.id();
        if (!visible(task)) {
            return new BulkResult(taskId, Outcome.NOT_YOURS, "This task is in none of your queues", null);
        }
        boolean supervisor = user.hasRole(Roles.SUPERVISOR);
        switch (action) {
            case CLAIM -> {
                if (task.assignee() != null && !task.assignee().equals(me)) {
                    return held(task);
                }
                if (task.assignee() != null) {
                    return new BulkResult(taskId, Outcome.DONE, "Already yours", view(task));
                }
                engine.claim(taskId, me);
                return done(AuditAction.TASK_CLAIMED, taskId, "Claimed");
            }
            case UNCLAIM -> {
                if (task.assignee() != null && !task.assignee().equals(me) && !supervisor) {
                    return held(task);
                }
                if (task.assignee() == null) {
                    return new BulkResult(taskId, Outcome.DONE, "Already in its queue", view(task));
                }
                engine.assign(taskId, null, me);
                return done(AuditAction.TASK_UNCLAIMED, taskId, "Back in its queue");
            }
            case ASSIGN -> {
                if (task.assignee() != null && !task.assignee().equals(me) && !supervisor) {
                    return held(task);
                }
                if (!StaffDirectory.works(to, task.candidateGroups())) {
                    return new BulkResult(taskId, Outcome.COLLEAGUE_CANNOT_WORK_IT, cannotWork(to, task), view(task));
                }
                if (!to.subject().equals(task.assignee())) {
                    engine.assign(taskId, to.subject(), me);
                    tell(task, to.subject());
                }
                return done(AuditAction.TASK_ASSIGNED, taskId, "Assigned to " + to.name());
            }
            default -> throw new IllegalStateException("unknown bulk action " + action);
        }
    }

    /**
     * One task's work in a transaction of its own: a claim that loses a race with a colleague's (the engine refuses it
     * and the transaction rolls back) is that task's result, not the request's failure.
     */
    private BulkResult inItsOwnTransaction(String taskId, java.util.function.Supplier<BulkResult> work) {
        try {
            return QuarkusTransaction.requiringNew().call(work::get);
        } catch (ConflictException raced) {
            return new BulkResult(taskId, Outcome.HELD_BY_SOMEONE_ELSE, raced.getMessage(), null);
        }
    }

    private BulkResult handOverOne(String taskId, String from, StaffDirectory.Colleague to) {
        Optional<WorkItem> found = workItems.find(taskId);
        if (found.isEmpty()) {
            return new BulkResult(taskId, Outcome.GONE, "No open task has this id: done, withdrawn or never was",
                    null);
        }
        WorkItem task = found.get();
        if (!from.equals(task.assignee())) {
            return held(task);
        }
        if (!StaffDirectory.works(to, task.candidateGroups())) {
            return new BulkResult(taskId, Outcome.COLLEAGUE_CANNOT_WORK_IT, cannotWork(to, task), view(task));
        }
        engine.assign(taskId, to.subject(), user.id());
        tell(task, to.subject());
        return done(AuditAction.TASK_HANDED_OVER, taskId, "Handed over to " + to.name());
    }

    private BulkResult done(AuditAction action, String taskId, String message) {
        TaskView now = view(workItems.find(taskId).orElseThrow());
        audit.record(action, now.caseId(), "task " + taskId);
        return new BulkResult(taskId, Outcome.DONE, message, now);
    }

    private BulkResult held(WorkItem task) {
        return new BulkResult(task.taskId(), Outcome.HELD_BY_SOMEONE_ELSE,
                "Held by " + directory.nameOf(task.assignee()), view(task));
    }

    private String cannotWork(StaffDirectory.Colleague to, WorkItem task) {
        return to.name() + " does not work " + String.join(" or ", queueNames.of(task.candidateGroups()));
    }

    private void tell(WorkItem task, String assignee) {
        assigned.fire(new TaskAssigned(task.taskId(), task.name(), task.caseId(), task.caseReference(), assignee,
                user.id()));
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private boolean visible(WorkItem t) {
        return user.id().equals(t.assignee()) || t.candidateGroups().stream().anyMatch(user.taskGroups()::contains);
    }

    /** The task if the caller may see it: assigned to them, or a candidate task of one of their groups. */
    private WorkItem visibleTask(String taskId) {
        return workItems.find(taskId).filter(this::visible).orElseThrow(() -> new NotFoundException("Task"));
    }

    private TaskView view(WorkItem task) {
        return views.of(task, Instant.now(clock));
    }

    private TaskView audited(AuditAction action, TaskView task) {
        audit.record(action, task.caseId(), "task " + task.id());
        return task;
    }

    private ConflictException heldBy(String assignee) {
        return new ConflictException("This task is held by " + directory.nameOf(assignee));
    }
}
