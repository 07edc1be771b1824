package org.ipc.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ipc.cases.CaseStatus;
import org.ipc.cases.CaseType;
import org.ipc.cases.PhysicianCase;
import org.ipc.cases.Acknowledgement;
import org.ipc.cases.PatientCase;
import org.ipc.cases.Urgency;
import org.ipc.estimates.DepositSummary;
import org.ipc.patients.PatientDetails;

/**
 * A case as its referring physician sees it: no internal routing, owner or process details. {@code estimate} is the
 * current cost estimate's summary and the deposit's balance, in the estimate's currency, once finance wrote one
 * (null before); the physician downloads the estimate itself from the case's documents.
 */
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
        List<StatusEntry> history,
        Estimate estimate) {

    public record StatusEntry(CaseStatus status, Instant at) {
    }

    /**
     * The current estimate in brief: amounts are exact decimal strings in {@code currency} (ISO 4217), never floats.
     * {@code balance} is what is still due of the deposit; {@code depositMet} says it is received in full.
     */
    @Schema(name = "PortalEstimate")
    public record Estimate(int revision, String currency, String total, String depositRequired,
            String depositReceived, String balance, boolean depositMet, Instant depositDue, LocalDate plannedAdmission,
            LocalDate validUntil) {

        static Estimate of(DepositSummary s) {
            return new Estimate(s.revision(), s.currency(), s.total(), s.depositRequired(), s.depositReceived(),
                    s.balance(), s.depositMet(), s.depositDue(), s.plannedAdmission(), s.validUntil());
        }
    }

    /** The same view with the current estimate's summary. */
    public PortalCaseView withEstimate(Estimate current) {
        return new PortalCaseView(id, reference, status, type, department, urgency, clinicalSummary, patient,
                createdAt, acknowledgement, history, current);
    }

    static PortalCaseView of(PhysicianCase followed) {
        PatientCase c = followed.c();
        return new PortalCaseView(c.id, c.reference, c.status, c.type, c.department, c.urgency, c.clinicalSummary,
                PatientDetails.of(c.patient), c.createdAt, followed.acknowledgement(),
                followed.history().stream().map(h -> new StatusEntry(h.status, h.changedAt)).toList(), null);
    }
}
