package org.ipc.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.camunda.bpm.engine.IdentityService;
import org.ipc.notify.MailOutbox;
import org.ipc.notify.Milestone;
import org.ipc.officehours.BusinessClock;

/**
 * What the processes do to a case: move its status, acknowledge it, record events and notes, and keep its
 * single point of contact. Every method joins the engine's transaction.
 */
@ApplicationScoped
public class CaseLifecycle {

    @Inject
    IdentityService identity;

    @Inject
    BusinessClock office;

    @Inject
    Clock clock;

    @Inject
    MailOutbox mail;

    /** Called by the process when it enters a step that declares a case status. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void moveTo(UUID caseId, CaseStatus status) {
        PatientCase c = find(caseId);
        if (c.status != status) {
            c.status = status;
            c.updatedAt = Instant.now(clock);
            recordStatus(c, currentActor());
            Milestone.forStatus(status).ifPresent(m -> mail.enqueue(c, m));
        }
    }

    /**
     * Called by the process's acknowledge step: records when, and whether the office was open then or when it
     * opens next. A second call keeps the first acknowledgement.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void acknowledge(UUID caseId) {
        PatientCase c = find(caseId);
        if (c.acknowledgedAt == null) {
            Instant now = office.now();
            c.acknowledgedAt = now;
            c.ackOfficeOpen = office.isOpen(now);
            c.ackOfficeOpensAt = office.nextOpening(now);
            mail.enqueue(c, Milestone.RECEIVED);
        }
    }

    /** Keeps the visit as booked (arrival in the patient's zone, first appointment) and tells the patient. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void scheduleVisit(UUID caseId, LocalDate arrival, Instant firstAppointment) {
        PatientCase c = find(caseId);
        c.arrivalDate = arrival;
        c.firstAppointmentAt = firstAppointment;
        c.updatedAt = Instant.now(clock);
        recordEvent(caseId, CaseEvent.Kind.VISIT_SCHEDULED, null);
    }

    /** The patient's time zone, for times shown to or arranged with the patient. */
    @Transactional
    public ZoneId patientTimeZone(UUID caseId) {
        return ZoneId.of(find(caseId).patient.timeZone);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordEvent(UUID caseId, CaseEvent.Kind kind, String detail) {
        CaseEvent event = new CaseEvent();
        event.id = UUID.randomUUID();
        event.caseId = caseId;
        event.kind = kind;
        event.detail = detail;
        event.actor = currentActor();
        event.occurredAt = Instant.now(clock);
        event.persist();
        Milestone.forEvent(kind).ifPresent(m -> mail.enqueue(find(caseId), m));
    }

    /** Keeps the free-text answers of a completed task form with the case. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordNotes(UUID caseId, String taskKey, Map<String, String> notes, String author) {
        notes.forEach((field, body) -> {
            CaseNote note = new CaseNote();
            note.id = UUID.randomUUID();
            note.caseId = caseId;
            note.taskKey = taskKey;
            note.field = field;
            note.body = body;
            note.author = author;
            note.createdAt = Instant.now(clock);
            note.persist();
        });
    }

    /** The coordinator who is the case's single point of contact, if it has one yet. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String ownerOf(UUID caseId) {
        return find(caseId).owner;
    }

    /** The first coordinator to complete one of the case's coordinator tasks becomes its owner. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void takeOwnershipIfUnowned(UUID caseId, String coordinator) {
        PatientCase c = find(caseId);
        if (c.owner == null && coordinator != null) {
            c.owner = coordinator;
            c.updatedAt = Instant.now(clock);
            recordEvent(caseId, CaseEvent.Kind.OWNER_CHANGED, "owner " + coordinator);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void recordStatus(PatientCase c, String by) {
        CaseStatusChange change = new CaseStatusChange();
        change.id = UUID.randomUUID();
        change.caseId = c.id;
        change.status = c.status;
        change.position = CaseStatusChange.countOf(c.id) + 1;
        change.changedAt = Instant.now(clock);
        change.changedBy = by;
        change.persist();
    }

    private String currentActor() {
        return identity.getCurrentAuthentication() == null ? null : identity.getCurrentAuthentication().getUserId();
    }

    static PatientCase find(UUID caseId) {
        return PatientCase.<PatientCase>findByIdOptional(caseId)
                .orElseThrow(() -> new IllegalStateException("process refers to unknown case " + caseId));
    }
}
