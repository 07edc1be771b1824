package org.ipc.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One access to patient data. Written once, never changed ({@link Immutable}; a trigger on PostgreSQL). */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** Keycloak subject of the caller. */
    @Column(nullable = false)
    public String actor;

    /** The caller's roles at the time, comma-separated. */
    @Column(nullable = false)
    public String roles;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AuditAction action;

    @Column(name = "case_id")
    public UUID caseId;

    /** What within the case: a task, a document; or how many items a list showed. */
    public String target;

    @Column(name = "request_id", nullable = false)
    public String requestId;

    @Column(name = "client_address")
    public String clientAddress;
}
