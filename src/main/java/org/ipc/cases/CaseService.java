package org.ipc.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;

import org.hibernate.Hibernate;
import org.ipc.common.Page;
import org.ipc.common.InvalidInputException;
import org.ipc.audit.AuditAction;
import org.ipc.cases.CaseEvents.CaseSubmitted;
import org.ipc.audit.AuditTrail;
import org.ipc.departments.DepartmentCatalog;
import org.ipc.patients.Patient;
import org.ipc.patients.PatientRegistry;
import org.ipc.physicians.PhysicianDirectory;
import org.ipc.physicians.ReferringPhysician;

/**
 * Cases: submission by a referring physician, the physician's own view of them. Submission stores patient and case
 * and publishes {@link CaseEvents.CaseSubmitted}, on which the case's process starts, in the same transaction.
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
    Clock clock;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    CaseAccess access;

    @Inject
    Acknowledgements acknowledgements;

    @Inject
    AuditTrail audit;

    @Inject
    Event<CaseSubmitted> submitted;

    @Transactional
    public PhysicianCase submit(@Valid NewCaseRequest request) {
        if (departments.find(request.department()).isEmpty()) {
            throw InvalidInputException.field("department",
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
        audit.record(AuditAction.CASE_SUBMITTED, c.id);
        submitted.fire(new CaseSubmitted(CaseSnapshot.of(c), physician.subject));
        return followed(c);
    }

    @Transactional
    public PhysicianCase findForCurrentPhysician(UUID id) {
        PatientCase c = access.ownCase(id);
        audit.record(AuditAction.CASE_READ, c.id);
        return followed(c);
    }

    /** The physician's own case as it now stands, after something changed it (a withdrawal). */
    @Transactional
    public PhysicianCase viewForCurrentPhysician(UUID id) {
        return followed(access.ownCase(id));
    }

    @Transactional
    public Page<PatientCase> listForCurrentPhysician(CaseStatus status, int pageIndex, int size) {
        return physicians.currentIfKnown().map(physician -> {
            var query = (status == null
                    ? PatientCase.<PatientCase>find("physician = ?1 order by createdAt desc, reference desc", physician)
                    : PatientCase.<PatientCase>find("physician = ?1 and status = ?2 order by createdAt desc, reference desc",
                            physician, status))
                    .page(io.quarkus.panache.common.Page.of(pageIndex, size));
            List<PatientCase> items = query.list();
            items.forEach(c -> Hibernate.initialize(c.patient)); // the list shows the patients' names
            audit.record(AuditAction.CASES_LISTED, null, items.size() + " cases");
            return new Page<>(items, query.count());
        }).orElseGet(() -> new Page<>(List.of(), 0));
    }

    private PhysicianCase followed(PatientCase c) {
        return new PhysicianCase(c, CaseStatusChange.historyOf(c.id), acknowledgements.of(c.reference,
                c.acknowledgedAt, c.ackOfficeOpen, c.ackOfficeOpensAt, c.patient.preferredLanguage, c.patient.timeZone));
    }
}
