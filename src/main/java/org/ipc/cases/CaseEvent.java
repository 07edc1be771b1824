package org.ipc.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Something that happened to a case besides a status change, for its timeline (and, later, its mail). */
@Entity
@Table(name = "case_event")
public class CaseEvent extends PanacheEntityBase {

    /** The kinds of event; BPMN steps name them in their {@code caseEvent} property. */
    public enum Kind {
        RECORDS_REQUESTED,
        RECORDS_REMINDER,
        RECORDS_RECEIVED,
        OPINION_RELEASED,
        ESTIMATE_READY,
        DEPOSIT_REMINDER,
        DEPOSIT_RECEIVED,
        VISIT_SCHEDULED,
        PRE_ARRIVAL_REMINDER,
        PATIENT_ARRIVED,
        SUMMARY_SENT,
        OWNER_CHANGED,
        WITHDRAWN,
        CLOSED_INCOMPLETE,
        CANCELLED_NO_DEPOSIT
    }

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    public String detail;

    public String actor;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    public static List<CaseEvent> of(UUID caseId) {
        return list("caseId = ?1 order by occurredAt, id", caseId);
    }

    public static long count(UUID caseId, Kind kind) {
        return count("caseId = ?1 and kind = ?2", caseId, kind);
    }
}
