package org.ipc.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ipc.cases.CaseEvents.CaseAcknowledged;
import org.ipc.cases.CaseEvents.CaseEventRecorded;
import org.ipc.cases.CaseEvents.CaseOwnerChanged;
import org.ipc.cases.CaseEvents.CaseStatusChanged;
import org.ipc.officehours.BusinessClock;

/**
 * What happens to a case as its process runs: its status moves, it is acknowledged, events and notes are recorded,
 * its single point of contact is kept. Every method joins the caller's transaction and publishes what it changed
 * ({@link CaseEvents}); {@code actor} is the user who caused it, or null when the process did it on its own.
 */
@ApplicationScoped
public class CaseLifecycle {

    @Inject
    BusinessClock office;

    @Inject
    Clock clock;

    @Inject
    Event<CaseStatusChanged> statusChanged;

    @Inject
    Event<CaseAcknowledged> acknowledged;

    @Inject
    Event<CaseEventRecorded> eventRecorded;

    @Inject
    Event<CaseOwnerChanged> ownerChanged;

    /** The process entered a step that declares a case status. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void moveTo(UUID caseId, CaseStatus status, String actor) {
        PatientCase c = find(caseId);
        if (c.status != status) {
            CaseStatus previous = c.status;
            c.status = status;
            c.updatedAt = Instant.now(clock);
            recordStatus(c, actor);
            statusChanged.fire(new CaseStatusChanged(CaseSnapshot.of(c), previous, actor));
        }
    }

    /**
     * The process's acknowledge step: records when, and whether the office was open then or when it opens next. A
     * second call keeps the first acknowledgement.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void acknowledge(UUID caseId) {
        PatientCase c = find(caseId);
        if (c.acknowledgedAt == null) {
            Instant now = office.now();
            c.acknowledgedAt = now;
            c.ackOfficeOpen = office.isOpen(now);
            c.ackOfficeOpensAt = office.nextOpening(now);
            acknowledged.fire(new CaseAcknowledged(CaseSnapshot.of(c)));
        }
    }

    /** The case's process has started: which instance runs it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void processStarted(UUID caseId, String processInstanceId) {
        find(caseId).processInstanceId = processInstanceId;
    }

    /** Keeps the visit as booked (arrival in the patient's zone, first appointment) and tells the patient. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void scheduleVisit(UUID caseId, LocalDate arrival, Instant firstAppointment, String actor) {
        PatientCase c = find(caseId);
        c.arrivalDate = arrival;
        c.firstAppointmentAt = firstAppointment;
        c.updatedAt = Instant.now(clock);
        recordEvent(caseId, CaseEvent.Kind.VISIT_SCHEDULED, null, actor);
    }

    /** The patient's time zone, for times shown to or arranged with the patient. */
    @Transactional
    public ZoneId patientTimeZone(UUID caseId) {
        return ZoneId.of(find(caseId).patient.timeZone);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordEvent(UUID caseId, CaseEvent.Kind kind, String detail, String actor) {
        CaseEvent event = new CaseEvent();
        event.id = UUID.randomUUID();
        event.caseId = caseId;
        event.kind = kind;
        event.detail = detail;
        event.actor = actor;
        event.occurredAt = Instant.now(clock);
        event.persist();
        eventRecorded.fire(new CaseEventRecorded(CaseSnapshot.of(find(caseId)), kind,
                (int) CaseEvent.count(caseId, kind), actor));
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
            changeOwner(c, coordinator, coordinator);
        }
    }

    /** A supervisor hands the case to another coordinator ({@code by}); an ended case has no owner to change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PatientCase handOver(UUID caseId, String coordinator, String by) {
        PatientCase c = find(caseId);
        if (c.status.hasEnded()) {
            throw new org.ipc.common.ConflictException(
                    "The case is " + c.status.name().toLowerCase() + "; it has no owner to change");
        }
        changeOwner(c, coordinator, by);
        return c;
    }

    private void changeOwner(PatientCase c, String coordinator, String by) {
        String previous = c.owner;
        c.owner = coordinator;
        c.updatedAt = Instant.now(clock);
        ownerChanged.fire(new CaseOwnerChanged(c.id, coordinator, previous, by));
        recordEvent(c.id, CaseEvent.Kind.OWNER_CHANGED, "owner " + coordinator, by);
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

    static PatientCase find(UUID caseId) {
        return PatientCase.<PatientCase>findByIdOptional(caseId)
                .orElseThrow(() -> new IllegalStateException("process refers to unknown case " + caseId));
    }
}
