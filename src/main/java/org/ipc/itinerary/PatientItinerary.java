package org.ipc.itinerary;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The itinerary as the patient reads it, in their language and time zone, every value already in words: what the
 * mail will list beside its calendar attachment.
 */
@Schema(name = "PatientItinerary")
public record PatientItinerary(String language, String direction, String timeZone, String title, String zoneNote,
        List<Line> appointments) {

    @Schema(name = "PatientItineraryLine")
    public record Line(String when, String what, String department, String building, String clinic, String address,
            boolean cancelled, String status) {
    }
}
