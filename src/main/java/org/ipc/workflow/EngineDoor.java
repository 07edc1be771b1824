package org.ipc.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.ipc.common.ConflictException;
import org.ipc.common.DomainException;
import org.ipc.officehours.BusinessClock;
import org.ipc.security.Roles;

/**
 * The one door to the engine: everything outside {@code workflow} that starts a process, tells it something, works
 * one of its tasks or reads where it stands comes through here, in the caller's transaction. Engine calls made in
 * someone's name (so the engine's history and our listeners know who) go through {@link #asUser}, the one place that
 * sets and clears the engine's authentication.
 */
@ApplicationScoped
public class EngineDoor {

    /** A task of a case's history: when it opened, when it was done and by whom. */
    public record PastTask(String name, Instant created, Instant ended, String assignee) {
    }

    /** A BPMN element a process is at now. */
    public record Step(String id, String name) {
    }

    @Inject
    RuntimeService runtime;

    @Inject
    ManagementService management;

    @Inject
    TaskService tasks;

    @Inject
    IdentityService identity;

    @Inject
    FormService forms;

    @Inject
    HistoryService history;

    @Inject
    RepositoryService repository;

    @Inject
    WorkItemSync workItems;

    @Inject
    BusinessClock office;

    /** Runs {@code work} with the engine authenticated as {@code userId} in {@code groups}. */
    public <T> T asUser(String userId, List<String> groups, Supplier<T> work) {
        identity.setAuthentication(userId, groups);
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    public void asUser(String userId, Runnable work) {
        asUser(userId, List.of(), () -> {
            work.run();
            return null;
        });
    }

    /** Starts a process of the model {@code processKey}; answers the instance's id. */
    public String start(String processKey, String businessKey, Map<String, Object> variables, String startedBy) {
        return asUser(startedBy, List.of(),
                () -> runtime.startProcessInstanceByKey(processKey, businessKey, variables).getId());
    }

    /**
     * Delivers a BPMN message to a process instance when it waits for it; answers whether it did. A process that is
     * not waiting is asked first, because a failed correlation would mark the whole transaction for rollback.
     */
    public boolean correlate(String processInstanceId, String message, String by) {
        if (processInstanceId == null) {
            return false;
        }
        boolean waiting = runtime.createEventSubscriptionQuery().processInstanceId(processInstanceId)
                .eventType("message").eventName(message).count() > 0;
        if (!waiting) {
            return false;
        }
        asUser(by, () -> runtime.createMessageCorrelation(message).processInstanceId(processInstanceId)
                .correlateWithResult());
        return true;
    }

    /**
     * Moves the pending timer {@code timerId} of a process instance to {@code dueAt} (a revised deadline); answers
     * whether there was such a timer. The date the timer was computed from is kept current beside it.
     */
    public boolean moveTimer(String processInstanceId, String timerId, Date dueAt) {
        var timers = management.createJobQuery().processInstanceId(processInstanceId).timers().activityId(timerId)
                .list();
        timers.forEach(job -> management.setJobDuedate(job.getId(), dueAt));
        return !timers.isEmpty();
    }

    /** Claims a task for {@code user}; a claim that loses a race with another is a conflict. */
    public void claim(String taskId, String user) {
        try {
            tasks.claim(taskId, user);
        } catch (TaskAlreadyClaimedException | OptimisticLockingException raced) {
            throw new ConflictException("Someone claimed this task at the same moment; reload the inbox");
        }
    }

    /**
     * Gives a task to {@code user}, or back to its queue when null (unclaim, delegate, hand-over), in the name of
     * {@code by}.
     */
    public void assign(String taskId, String user, String by) {
        asUser(by, () -> tasks.setAssignee(taskId, user));
    }

    /** Completes a task in {@code user}'s name with values already checked against its form. */
    public void complete(String taskId, Map<String, Object> values, String user, List<String> groups) {
        try {
            asUser(user, groups, () -> {
                tasks.complete(taskId, values);
                return null;
            });
        } catch (ProcessEngineException e) {
            // a listener that refuses the completion (a task done before its work) speaks our domain's language
            throw domainCause(e).orElseThrow(() -> e);
        }
    }

    private static java.util.Optional<DomainException> domainCause(Throwable e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof DomainException domain) {
                return java.util.Optional.of(domain);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Sets the date a task should be looked at again (null clears it), in the name of {@code by}; the task read model
     * follows through the task's update event, so the inbox and the engine always agree.
     */
    public void followUp(String taskId, Instant at, String by) {
        asUser(by, () -> {
            Task task = requireTask(taskId);
            task.setFollowUpDate(at == null ? null : Date.from(at));
            tasks.saveTask(task);
        });
    }

    /**
     * Adds a candidate group to an open task. This door is the only way our code changes a task's groups at run time
     * (models set them when a task is created), and it brings the task read model in step itself.
     */
    public void addCandidateGroup(String taskId, String group) {
        tasks.addCandidateGroup(taskId, group);
        workItems.refresh(taskId);
    }

    /** Removes a candidate group from an open task; the task read model follows, as for {@link #addCandidateGroup}. */
    public void removeCandidateGroup(String taskId, String group) {
        tasks.deleteCandidateGroup(taskId, group);
        workItems.refresh(taskId);
    }

    /**
     * Moves a process's open coordinator tasks to {@code coordinator} (a case handed over by {@code by}); answers the
     * ids of the tasks it moved.
     */
    public List<String> assignCoordinatorTasks(String processInstanceId, String coordinator, String by) {
        List<String> moved = new ArrayList<>();
        for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).active().list()) {
            boolean coordinatorTask = candidateGroups(task.getId()).stream()
                    .anyMatch(group -> group.startsWith(Roles.COORDINATOR));
            if (coordinatorTask && !coordinator.equals(task.getAssignee())) {
                assign(task.getId(), coordinator, by);
                moved.add(task.getId());
            }
        }
        return moved;
    }

    /** The form a task declares. */
    public List<TaskFormField> form(String taskId) {
        return TaskForms.describe(forms.getTaskFormData(taskId).getFormFields());
    }

    /** Checks submitted values against the task's declared form; a wrong or missing field is invalid input. */
    public TaskForms.Submission checkForm(String taskId, Map<String, Object> submitted) {
        return TaskForms.validate(forms.getTaskFormData(taskId).getFormFields(), submitted, office);
    }

    public List<String> candidateGroups(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId).filter(Objects::nonNull).sorted().toList();
    }

    /** The elements a running process is at; none once it has ended. */
    public List<Step> currentSteps(String processInstanceId) {
        boolean running = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
        if (!running) {
            return List.of();
        }
        BpmnModelInstance model = model(processInstanceId);
        return runtime.getActiveActivityIds(processInstanceId).stream()
                .map(id -> new Step(id, nameOf(model, id))).toList();
    }

    /** The process drawn as SVG from its own model, its current steps highlighted. */
    public String diagram(String processInstanceId) {
        List<String> current = currentSteps(processInstanceId).stream().map(Step::id).toList();
        return ProcessDiagram.svg(model(processInstanceId), new LinkedHashSet<>(current));
    }

    /** Every task the process has had, open or done, oldest first. */
    public List<PastTask> taskHistory(String processInstanceId) {
        List<PastTask> past = new ArrayList<>();
        for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
                .list()) {
            past.add(new PastTask(t.getName(), t.getStartTime().toInstant(),
                    t.getEndTime() == null ? null : t.getEndTime().toInstant(), t.getAssignee()));
        }
        past.sort(Comparator.comparing(PastTask::created));
        return past;
    }

    private Task requireTask(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new org.ipc.common.NotFoundException("Task");
        }
        return task;
    }

    private BpmnModelInstance model(String processInstanceId) {
        HistoricProcessInstance process = history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        return repository.getBpmnModelInstance(process.getProcessDefinitionId());
    }

    private static String nameOf(BpmnModelInstance model, String id) {
        FlowElement element = model.getModelElementById(id);
        return element == null || element.getName() == null ? id : element.getName();
    }
}
