package org.ipc.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ipc.api.Idempotency;
import org.ipc.api.Page;
import org.ipc.api.ProblemException;
import org.ipc.api.StoredResponse;
import org.ipc.audit.AuditAction;
import org.ipc.audit.AuditTrail;
import org.ipc.departments.DepartmentCatalog;
import org.ipc.notify.Acknowledgements;
import org.ipc.patients.Patient;
import org.ipc.patients.PatientRegistry;
import org.ipc.physicians.PhysicianDirectory;
import org.ipc.physicians.ReferringPhysician;
import org.ipc.workflow.TaskRouting;


/**
 * Cases: submission by a referring physician, the physician's own view of them, and the status moves that the
 * BPMN process makes. Submission stores patient and case and starts the process in one transaction.
 */
@ApplicationScoped
public class CaseService {

    @Inject
    SubmissionCounter submissions;

    @Inject
    PhysicianDirectory physicians;

    @Inject
    PatientRegistry patients;

    @Inject
    DepartmentCatalog departments;

    @Inject
    CaseReferences references;

    @Inject
    RuntimeService runtime;

    @Inject
    IdentityService identity;

    @Inject
    Clock clock;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    CaseAccess access;

    @Inject
    Idempotency idempotency;

    @Inject
    ProcessMessages messages;

    @Inject
    TaskRouting routing;

    @Inject
    Acknowledgements acknowledgements;

    @Inject
    AuditTrail audit;

    /** Submits a case once per Idempotency-Key: a retry gets the first answer (201, Location, the case). */
    public StoredResponse submit(NewCaseRequest request, String idempotencyKey) {
        return idempotency.run("submit-case", idempotencyKey, request, () -> {
            PortalCaseView created = submit(request);
            return new StoredResponse(201, "/api/portal/cases/" + created.id(), idempotency.toJson(created));
        });
    }

    @Transactional
    public PortalCaseView submit(NewCaseRequest request) {
        if (departments.find(request.department()).isEmpty()) {
            throw ProblemException.badField("department",
                    "is not a department of the hospital; GET /api/departments lists them");
        }
        ReferringPhysician physician = physicians.current();
        Patient patient = patients.register(request.patient());

        PatientCase c = new PatientCase();
        c.id = UUID.randomUUID();
        c.reference = references.next();
        c.type = request.type();
        c.department = request.department();
        c.urgency = request.urgency();
        c.clinicalSummary = request.clinicalSummary();
        c.patient = patient;
        c.physician = physician;
        c.createdAt = Instant.now(clock);
        c.updatedAt = c.createdAt;
        c.status = CaseStatus.SUBMITTED;
        c.persist();
        lifecycle.recordStatus(c, physician.subject);

        ProcessInstance process = startProcess(c, physician.subject);
        c.processInstanceId = process.getId();
        audit.record(AuditAction.CASE_SUBMITTED, c.id);
        submissions.submitted(c.type);
        return view(c);
    }

    @Transactional
    public PortalCaseView findForCurrentPhysician(UUID id) {
        PatientCase c = access.ownCase(id);
        audit.record(AuditAction.CASE_READ, c.id);
        return view(c);
    }

    /** Withdraws a physician's own case and answers it as it now stands. */
    @Transactional
    public PortalCaseView withdraw(UUID caseId) {
        PatientCase c = messages.withdrawForCurrentPhysician(caseId);
        audit.record(AuditAction.CASE_WITHDRAWN, c.id);
        return view(c);
    }

    @Transactional
    public Page<PortalCaseSummary> listForCurrentPhysician(CaseStatus status, int pageIndex, int size) {
        return physicians.currentIfKnown().map(physician -> {
            var query = (status == null
                    ? PatientCase.<PatientCase>find("physician = ?1 order by createdAt desc, reference desc", physician)
                    : PatientCase.<PatientCase>find("physician = ?1 and status = ?2 order by createdAt desc, reference desc",
                            physician, status))
                    .page(io.quarkus.panache.common.Page.of(pageIndex, size));
            List<PortalCaseSummary> items = query.list().stream().map(PortalCaseSummary::of).toList();
            audit.record(AuditAction.CASES_LISTED, null, items.size() + " cases");
            return new Page<>(items, query.count());
        }).orElseGet(() -> new Page<>(List.of(), 0));
    }

    private PortalCaseView view(PatientCase c) {
        return PortalCaseView.of(c, CaseStatusChange.historyOf(c.id), acknowledgements.of(c.reference,
                c.acknowledgedAt, c.ackOfficeOpen, c.ackOfficeOpensAt, c.patient.preferredLanguage, c.patient.timeZone));
    }

    private ProcessInstance startProcess(PatientCase c, String startedBy) {
        Map<String, Object> variables = routing.variablesFor(c);
        identity.setAuthenticatedUserId(startedBy);
        try {
            return runtime.startProcessInstanceByKey(c.type.processKey(), c.reference, variables);
        } finally {
            identity.clearAuthentication();
        }
    }

}
