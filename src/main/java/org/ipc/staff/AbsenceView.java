package org.ipc.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An absence as lists show it: who, by name, when (office dates), who covers, and whether it lasts now. */
@Schema(name = "Absence")
public record AbsenceView(UUID id, String staff, String staffName, LocalDate firstDay, LocalDate lastDay,
        String substitute, String substituteName, String note, boolean current, String recordedBy,
        String recordedByName, Instant recordedAt, Instant endsAt) {
}
