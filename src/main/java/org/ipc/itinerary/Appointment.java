package org.ipc.itinerary;

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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One appointment of a patient's visit. Its id is its calendar event's UID for life; {@code sequence} rises with
 * every change, and a cancelled appointment is kept (status CANCELLED) so the calendar removes it too.
 */
@Entity
@Table(name = "appointment")
public class Appointment extends PanacheEntityBase {

    @Schema(name = "AppointmentStatus")
    public enum Status {
        SCHEDULED,
        CANCELLED
    }

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    /** Length in minutes. */
    @Column(nullable = false)
    public int minutes;

    /** A place code of {@code ipc.hospital.places}. */
    @Column(nullable = false)
    public String place;

    /** Department code. */
    @Column(nullable = false)
    public String department;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AppointmentKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** RFC 5545 SEQUENCE: 0 when made, one more with every change or cancellation. */
    @Column(nullable = false)
    public int sequence;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public Instant endsAt() {
        return startsAt.plusSeconds(60L * minutes);
    }

    /** The case's appointments, cancelled ones included, in time order. */
    public static List<Appointment> of(UUID caseId) {
        return list("caseId = ?1 order by startsAt, createdAt, id", caseId);
    }
}
