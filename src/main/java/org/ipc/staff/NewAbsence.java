package org.ipc.staff;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ipc.common.NoControlCharacters;

/**
 * An absence to record: who is away (their staff id; the caller when left out), from the first to the last office
 * day (office dates, both included), and the colleague who covers. Checked by {@link Absences} itself, whichever door
 * it came through.
 */
@Schema(name = "NewAbsence")
public record NewAbsence(
        @Size(max = 255) String staff,
        @NotNull LocalDate firstDay,
        @NotNull LocalDate lastDay,
        @NotBlank @Size(max = 255) String substitute,
        @Size(max = 500) @NoControlCharacters String note,
        /** Hand the absent person's held tasks to the substitute now, in the same step. */
        boolean handOverHeldTasks) {
}
