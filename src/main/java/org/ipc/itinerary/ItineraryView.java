package org.ipc.itinerary;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A case's itinerary as staff see it: each appointment in hospital time and in the patient's own time, with its
 * place and department by name, and its calendar identity (UID, SEQUENCE).
 */
@Schema(name = "Itinerary")
public record ItineraryView(String patientTimeZone, int changed, List<Entry> appointments) {

    @Schema(name = "ItineraryEntry")
    public record Entry(UUID id, Appointment.Status status, AppointmentKind kind, Instant start, int minutes,
            OffsetDateTime hospitalTime, OffsetDateTime patientTime, Place place, Department department, String uid,
            int sequence) {
    }

    @Schema(name = "ItineraryPlace")
    public record Place(String code, String building, String clinic, String address) {
    }

    public record Department(String code, String name) {
    }
}
