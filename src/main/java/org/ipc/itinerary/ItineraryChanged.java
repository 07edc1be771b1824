package org.ipc.itinerary;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The itinerary of a case changed: the first and last days of its scheduled appointments (in the hospital's zone),
 * or nulls when none is left. Published as a CDI event in the transaction of the change, for the visa letters.
 */
public record ItineraryChanged(UUID caseId, LocalDate firstDay, LocalDate lastDay, String by) {
}
