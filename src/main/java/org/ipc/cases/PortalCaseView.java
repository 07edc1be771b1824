package org.ipc.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ipc.patients.PatientDetails;

/** A case as its referring physician sees it: no internal routing, owner or process details. */
@Schema(name = "PortalCase")
public record PortalCaseView(
        UUID id,
        String reference,
        CaseStatus status,
        CaseType type,
        String department,
        Urgency urgency,
        String clinicalSummary,
        PatientDetails patient,
        Instant createdAt,
        Acknowledgement acknowledgement,
        List<StatusEntry> history) {

    public record StatusEntry(CaseStatus status, Instant at) {
    }

    static PortalCaseView of(PatientCase c, List<CaseStatusChange> history, Acknowledgement acknowledgement) {
        return new PortalCaseView(c.id, c.reference, c.status, c.type, c.department, c.urgency, c.clinicalSummary,
                PatientDetails.of(c.patient), c.createdAt, acknowledgement,
                history.stream().map(h -> new StatusEntry(h.status, h.changedAt)).toList());
    }
}
