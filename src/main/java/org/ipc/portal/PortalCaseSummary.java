package org.ipc.portal;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ipc.cases.CaseStatus;
import org.ipc.cases.CaseType;
import org.ipc.cases.PatientCase;
import org.ipc.cases.Urgency;

/** One line of a physician's case list. */
@Schema(name = "PortalCaseSummary")
public record PortalCaseSummary(UUID id, String reference, CaseStatus status, CaseType type, String department,
        Urgency urgency, String patientName, Instant createdAt) {

    static PortalCaseSummary of(PatientCase c) {
        return new PortalCaseSummary(c.id, c.reference, c.status, c.type, c.department, c.urgency,
                c.patient.givenName + " " + c.patient.familyName, c.createdAt);
    }
}
