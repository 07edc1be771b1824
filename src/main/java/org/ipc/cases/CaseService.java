package org.ipc.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ipc.api.Page;
import org.ipc.api.ProblemException;
import org.ipc.departments.DepartmentCatalog;
import org.ipc.notify.Acknowledgements;
import org.ipc.officehours.BusinessClock;
import org.ipc.patients.Patient;
import org.ipc.patients.PatientRegistry;
import org.ipc.physicians.PhysicianDirectory;
import org.ipc.physicians.ReferringPhysician;
import org.ipc.workflow.ProcessVariables;


/**
 * Cases: submission by a referring physician, the physician's own view of them, and the status moves that the
 * BPMN process makes. Submission stores patient and case and starts the process in one transaction.
 */
@ApplicationScoped
public class CaseService {

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
    BusinessClock office;

    @Inject
    Acknowledgements acknowledgements;

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
        recordStatus(c, physician.subject);

        ProcessInstance process = startProcess(c, physician.subject);
        c.processInstanceId = process.getId();
        return view(c);
    }

    @Transactional
    public Optional<PortalCaseView> findForCurrentPhysician(UUID id) {
        return physicians.currentIfKnown()
                .flatMap(physician -> PatientCase.findOwnedBy(id, physician))
                .map(c -> view(c));
    }

    @Transactional
    public Page<PortalCaseSummary> listForCurrentPhysician(int pageIndex, int size) {
        return physicians.currentIfKnown().map(physician -> {
            var query = PatientCase.<PatientCase>find("physician = ?1 order by createdAt desc, id", physician)
                    .page(io.quarkus.panache.common.Page.of(pageIndex, size));
            List<PortalCaseSummary> items = query.list().stream().map(PortalCaseSummary::of).toList();
            return new Page<>(items, query.count());
        }).orElseGet(() -> new Page<>(List.of(), 0));
    }

    /** Called by the process when it enters a step that declares a case status. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void moveTo(UUID caseId, CaseStatus status) {
        PatientCase c = PatientCase.<PatientCase>findByIdOptional(caseId)
                .orElseThrow(() -> new IllegalStateException("process refers to unknown case " + caseId));
        if (c.status != status) {
            c.status = status;
            c.updatedAt = Instant.now(clock);
            recordStatus(c, identity.getCurrentAuthentication() == null ? null
                    : identity.getCurrentAuthentication().getUserId());
        }
    }

    /**
     * Called by the process's acknowledge step: records when, and whether the office was open then or when it
     * opens next. A second call keeps the first acknowledgement.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void acknowledge(UUID caseId) {
        PatientCase c = PatientCase.<PatientCase>findByIdOptional(caseId)
                .orElseThrow(() -> new IllegalStateException("process refers to unknown case " + caseId));
        if (c.acknowledgedAt == null) {
            Instant now = office.now();
            c.acknowledgedAt = now;
            c.ackOfficeOpen = office.isOpen(now);
            c.ackOfficeOpensAt = office.nextOpening(now);
        }
    }

    /** The patient's time zone, for times shown to or arranged with the patient. */
    @Transactional
    public ZoneId patientTimeZone(UUID caseId) {
        return PatientCase.<PatientCase>findByIdOptional(caseId)
                .map(c -> ZoneId.of(c.patient.timeZone))
                .orElseThrow(() -> new IllegalStateException("process refers to unknown case " + caseId));
    }

    private PortalCaseView view(PatientCase c) {
        return PortalCaseView.of(c, CaseStatusChange.historyOf(c.id), acknowledgements.of(c.reference,
                c.acknowledgedAt, c.ackOfficeOpen, c.ackOfficeOpensAt, c.patient.preferredLanguage, c.patient.timeZone));
    }

    private ProcessInstance startProcess(PatientCase c, String startedBy) {
        Map<String, Object> variables = Map.of(
                ProcessVariables.CASE_ID, c.id.toString(),
                ProcessVariables.LANGUAGE, Locale.forLanguageTag(c.patient.preferredLanguage).getLanguage(),
                ProcessVariables.DEPARTMENT, c.department);
        identity.setAuthenticatedUserId(startedBy);
        try {
            return runtime.startProcessInstanceByKey(c.type.processKey(), c.reference, variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    private void recordStatus(PatientCase c, String by) {
        CaseStatusChange change = new CaseStatusChange();
        change.id = UUID.randomUUID();
        change.caseId = c.id;
        change.status = c.status;
        change.changedAt = Instant.now(clock);
        change.changedBy = by;
        change.persist();
    }
}
