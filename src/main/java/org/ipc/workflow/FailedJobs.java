package org.ipc.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.instance.FlowElement;

/**
 * The engine's jobs that failed for good (no retries left; Camunda then opens a {@code failedJob} incident), for the
 * operations engineer who has no Cockpit: which case, which step, which kind of error and when; and a retry. Also the
 * engine figures the metrics show. The only engine access of operations; it belongs with the one door to the engine.
 */
@ApplicationScoped
public class FailedJobs {

    /** A job that failed for good. {@code errorClass} is the exception's class only: messages can carry data. */
    public record FailedJob(String id, UUID caseId, String processKey, String step, String errorClass,
            Instant failedAt) {
    }

    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*");
    private static final Pattern CAUSED_BY = Pattern.compile("^Caused by: ([^:\\s]+)", Pattern.MULTILINE);

    @Inject
    ManagementService management;

    @Inject
    RuntimeService runtime;

    @Inject
    RepositoryService repository;

    /** Newest first. */
    public List<FailedJob> page(int first, int size) {
        List<Job> jobs = management.createJobQuery().noRetriesLeft().orderByJobDuedate().desc().orderByJobId().asc()
                .listPage(first, size);
        List<FailedJob> failed = new ArrayList<>(jobs.size());
        Map<String, String> keys = new HashMap<>();
        for (Job job : jobs) {
            failed.add(describe(job, keys));
        }
        return failed;
    }

    public long count() {
        return management.createJobQuery().noRetriesLeft().count();
    }

    public Optional<FailedJob> find(String jobId) {
        return Optional.ofNullable(management.createJobQuery().jobId(jobId).noRetriesLeft().singleResult())
                .map(job -> describe(job, new HashMap<>()));
    }

    /** Whether a job with this id exists at all (failed or not). */
    public boolean exists(String jobId) {
        return management.createJobQuery().jobId(jobId).count() > 0;
    }

    /** Gives the job one more try; the job executor runs it as soon as it is due, and the incident closes. */
    public void retry(String jobId) {
        management.setJobRetries(jobId, 1);
    }

    /** Jobs due now (timers, async steps, retries) that no job executor has run yet. */
    public long dueCount() {
        return management.createJobQuery().executable().active().count();
    }

    private FailedJob describe(Job job, Map<String, String> processKeys) {
        Incident incident = runtime.createIncidentQuery().incidentType(Incident.FAILED_JOB_HANDLER_TYPE)
                .configuration(job.getId()).singleResult();
        Instant failedAt = incident == null ? null : incident.getIncidentTimestamp().toInstant();
        String caseId = job.getProcessInstanceId() == null ? null
                : (String) runtime.getVariable(job.getProcessInstanceId(), ProcessVariables.CASE_ID);
        String processKey = job.getProcessDefinitionKey() != null ? job.getProcessDefinitionKey()
                : processKeys.computeIfAbsent(job.getProcessDefinitionId(),
                        id -> repository.getProcessDefinition(id).getKey());
        return new FailedJob(job.getId(), caseId == null ? null : UUID.fromString(caseId), processKey, step(job),
                errorClass(management.getJobExceptionStacktrace(job.getId())), failedAt);
    }

    /** The BPMN step's name as the model shows it, else its id. */
    private String step(Job job) {
        String activity = job.getFailedActivityId();
        if (activity == null || job.getProcessDefinitionId() == null) {
            return activity;
        }
        FlowElement element = repository.getBpmnModelInstance(job.getProcessDefinitionId()).getModelElementById(activity);
        return element == null || element.getName() == null ? activity : element.getName();
    }

    /** The innermost exception's class from Camunda's stored stack trace; its message is left behind. */
    static String errorClass(String stackTrace) {
        if (stackTrace == null || stackTrace.isBlank()) {
            return "unknown";
        }
        String name = null;
        Matcher cause = CAUSED_BY.matcher(stackTrace);
        while (cause.find()) {
            name = cause.group(1);
        }
        if (name == null) {
            String first = stackTrace.lines().findFirst().orElse("");
            int colon = first.indexOf(':');
            name = (colon < 0 ? first : first.substring(0, colon)).strip();
        }
        return CLASS_NAME.matcher(name).matches() ? name : "unknown";
    }
}
