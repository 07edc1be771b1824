package org.ipc.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ipc.patients.PatientDetails;

/** What a referring physician sends to open a case. */
@Schema(name = "NewCase")
public record NewCaseRequest(
        @NotNull CaseType type,
        @NotBlank @Size(max = 64) String department,
        @NotNull Urgency urgency,
        @NotBlank @Size(max = 10_000, message = "must be at most 10,000 characters") String clinicalSummary,
        @NotNull @Valid PatientDetails patient) {
}
