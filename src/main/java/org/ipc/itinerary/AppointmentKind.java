package org.ipc.itinerary;

/** What an appointment is for, in words a patient understands (names in their language: ItineraryTexts). */
public enum AppointmentKind {
    CONSULTATION,
    TESTS,
    IMAGING,
    PROCEDURE,
    ADMISSION,
    FOLLOW_UP,
    INTERNATIONAL_OFFICE
}
