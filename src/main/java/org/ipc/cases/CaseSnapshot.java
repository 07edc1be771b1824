package org.ipc.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A case as it stands at the moment one of its events is published: what those who observe the events (mail, the
 * task read model, the process) need, so none of them reads the case's entities to decide what to do.
 */
public record CaseSnapshot(
        UUID id,
        String reference,
        CaseType type,
        String department,
        Urgency urgency,
        CaseStatus status,
        String owner,
        Patient patient,
        Physician physician,
        Acknowledged acknowledged,
        LocalDate arrivalDate,
        Instant firstAppointmentAt) {

    /** The patient, as those told of the case address them. */
    public record Patient(String givenName, String familyName, String preferredLanguage, String timeZone,
            String email, boolean emailConsent) {

        public String displayName() {
            return givenName + " " + familyName;
        }
    }

    /** The referring physician. */
    public record Physician(String subject, String displayName, String email) {
    }

    /** When the office acknowledged the case, whether it was open, and when it opened next. */
    public record Acknowledged(Instant at, boolean officeOpen, Instant officeOpensAt) {
    }

    public static CaseSnapshot of(PatientCase c) {
        var p = c.patient;
        var doctor = c.physician;
        return new CaseSnapshot(c.id, c.reference, c.type, c.department, c.urgency, c.status, c.owner,
                new Patient(p.givenName, p.familyName, p.preferredLanguage, p.timeZone, p.email, p.emailConsent),
                new Physician(doctor.subject, doctor.displayName, doctor.email),
                c.acknowledgedAt == null ? null
                        : new Acknowledged(c.acknowledgedAt, Boolean.TRUE.equals(c.ackOfficeOpen), c.ackOfficeOpensAt),
                c.arrivalDate, c.firstAppointmentAt);
    }
}
