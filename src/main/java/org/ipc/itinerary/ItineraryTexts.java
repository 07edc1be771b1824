package org.ipc.itinerary;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the itinerary as the patient gets it (the calendar's events and the list the mail will carry).
 * English here; the patients' languages in {@code src/main/resources/messages/itinerary_<language>.properties}.
 */
@MessageBundle(value = "itinerary", locale = "en")
public interface ItineraryTexts {

    @Message("Your appointments at {hospital}")
    String title(String hospital);

    @Message("Times are shown in your time zone: {zone}.")
    String zoneNote(String zone);

    @Message("Cancelled")
    String cancelled();

    @Message("{kind} · {hospital}")
    String eventSummary(String kind, String hospital);

    @Message("Department: {department}. Reference: {reference}. Questions: {phone}.")
    String eventDescription(String department, String reference, String phone);

    @Message("Consultation")
    String consultation();

    @Message("Tests")
    String tests();

    @Message("Imaging")
    String imaging();

    @Message("Procedure")
    String procedure();

    @Message("Admission")
    String admission();

    @Message("Follow-up visit")
    String followUp();

    @Message("Welcome at the International Patient Center")
    String internationalOffice();
}
