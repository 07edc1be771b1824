package org.ipc.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.ipc.patients.Patient;
import org.ipc.physicians.ReferringPhysician;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A case: one patient's request for a second opinion or treatment, referred by one physician and worked by the
 * International Patient Center through its BPMN process. ("Case" alone is a keyword in JPQL.)
 */
@Entity
@Table(name = "patient_case")
public class PatientCase extends PanacheEntityBase {

    /** Opaque and unguessable: the id clients use in URLs. */
    @Id
    public UUID id;

    /** Human reference, {@code IPC-2026-000123}: what people quote on the phone and in e-mail. */
    @Column(nullable = false, unique = true)
    public String reference;

    @Enumerated(EnumType.STRING)
    @Column(name = "case_type", nullable = false)
    public CaseType type;

    /** Department code, see {@code department}. */
    @Column(nullable = false)
    public String department;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Urgency urgency;

    @Column(name = "clinical_summary", nullable = false, length = 10_000)
    public String clinicalSummary;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStatus status;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "patient_id")
    public Patient patient;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "physician_id")
    public ReferringPhysician physician;

    /** Keycloak user id of the coordinator who is the patient's single point of contact. */
    public String owner;

    @Column(name = "process_instance_id")
    public String processInstanceId;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    /** Whether the office was open when the case was acknowledged. */
    @Column(name = "ack_office_open")
    public Boolean ackOfficeOpen;

    /** When the office opened (or opens) next, as the acknowledgement told the patient. */
    @Column(name = "ack_office_opens_at")
    public Instant ackOfficeOpensAt;

    /** Treatment visits: the planned arrival, a calendar date in the patient's own zone. */
    @Column(name = "arrival_date")
    public LocalDate arrivalDate;

    /** Treatment visits: the first appointment at the hospital. */
    @Column(name = "first_appointment_at")
    public Instant firstAppointmentAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** A physician's own case; another physician's case is indistinguishable from a missing one. */
    public static Optional<PatientCase> findOwnedBy(UUID id, ReferringPhysician physician) {
        return find("id = ?1 and physician = ?2", id, physician).firstResultOptional();
    }
}
