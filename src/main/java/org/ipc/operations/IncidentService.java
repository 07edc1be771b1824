package org.ipc.operations;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ipc.audit.AuditAction;
import org.ipc.audit.AuditTrail;
import org.ipc.cases.PatientCase;
import org.ipc.common.ConflictException;
import org.ipc.common.NotFoundException;
import org.ipc.common.Page;
import org.ipc.workflow.FailedJobs;
import org.ipc.workflow.FailedJobs.FailedJob;

/** Failed engine jobs with their cases' references, and retries; both audited. */
@ApplicationScoped
public class IncidentService {

    @Inject
    FailedJobs jobs;

    @Inject
    AuditTrail audit;

    @Transactional
    public Page<Incident> list(int first, int size) {
        List<FailedJob> failed = jobs.page(first, size);
        Map<UUID, String> references = references(failed);
        List<Incident> items = failed.stream().map(job -> view(job, references)).toList();
        long total = jobs.count();
        audit.record(AuditAction.INCIDENTS_LISTED, null, items.size() + " of " + total + " incidents");
        return new Page<>(items, total);
    }

    @Transactional
    public Incident retry(String jobId) {
        FailedJob job = jobs.find(jobId).orElseThrow(() -> jobs.exists(jobId)
                ? new ConflictException("The job has retries left; the job executor runs it when it is due")
                : new NotFoundException("Incident"));
        jobs.retry(job.id());
        audit.record(AuditAction.INCIDENT_RETRIED, job.caseId(), "job " + job.id() + " at " + job.step());
        return view(job, references(List.of(job)));
    }

    private static Map<UUID, String> references(List<FailedJob> jobs) {
        List<UUID> ids = jobs.stream().map(FailedJob::caseId).filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return PatientCase.<PatientCase>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(c -> c.id, c -> c.reference));
    }

    private static Incident view(FailedJob job, Map<UUID, String> references) {
        return new Incident(job.id(), job.caseId(), job.caseId() == null ? null : references.get(job.caseId()),
                job.processKey(), job.step(), job.errorClass(), job.failedAt());
    }
}
