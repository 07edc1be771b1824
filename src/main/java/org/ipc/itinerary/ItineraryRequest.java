package org.ipc.itinerary;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PUT /api/cases/{id}/itinerary}: the whole itinerary as it should now be. An item with the
 * {@code id} of an existing appointment changes it (its calendar event keeps its UID); an item without one is a new
 * appointment; an existing appointment left out is cancelled.
 */
@Schema(name = "ItineraryRequest")
public record ItineraryRequest(List<Item> appointments) {

    @Schema(name = "ItineraryRequestItem")
    public record Item(@Schema(description = "an existing appointment's id, to change it") String id,
            @Schema(description = "ISO-8601 with its offset", example = "2027-01-11T09:00:00-05:00") String start,
            @Schema(description = "length in minutes", example = "60") Integer minutes,
            @Schema(description = "a place code of ipc.hospital.places", example = "outpatient-7") String place,
            @Schema(description = "a department code", example = "heart-center") String department,
            @Schema(description = "CONSULTATION, TESTS, IMAGING, PROCEDURE, ADMISSION, FOLLOW_UP or INTERNATIONAL_OFFICE") String kind) {
    }
}
