package org.ipc.itinerary;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipc.notify.MailSender;
import org.ipc.testing.Mailbox;
import org.ipc.testing.Papers;
import org.ipc.testing.Portal;
import org.ipc.testing.ProcessDriver;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * The patient receives the itinerary by mail, in Arabic and Riyadh time, with the .ics attached (read from the SMTP
 * server and parsed back with ical4j); a change sends the revised itinerary whose events keep their UID and raise
 * their SEQUENCE.
 */
@QuarkusTest
class ItineraryMailTest {

    @Inject
    MailSender sender;

    private String address;
    private String caseId;

    @BeforeEach
    void aRiyadhPatientOnAMondayMorning() {
        ProcessDriver.setNewYorkTime("2026-11-23T09:00");
        sender.drain();
        address = "patient-" + UUID.randomUUID() + "@example.org";
        caseId = Portal.submit("physician", "TREATMENT", Map.of("preferredLanguage", "ar", "timeZone", "Asia/Riyadh",
                "countryOfResidence", "SA", "email", address));
    }

    @AfterEach
    void realTimeAgain() {
        ClockUtil.reset();
    }

    @Test
    void theItineraryAndItsRevisionArriveWithACalendarThatUpdates() throws Exception {
        List<Map<String, Object>> made = put(List.of(
                appointment(null, "2027-01-11T10:00:00-05:00", "outpatient-7", "heart-center", "CONSULTATION"),
                appointment(null, "2027-01-12T14:00:00Z", "imaging-2", "imaging", "IMAGING")));
        sender.drain();
        List<Mailbox.Received> first = itineraryMails();
        assertThat(first).hasSize(1);
        Mailbox.Received mail = first.get(0);
        mail.saveAs(Papers.OUT, "itinerary-mail-first");
        assertThat(mail.subject()).isEqualTo("طلبك " + Portal.referenceOf(caseId) + ": مواعيدك");
        assertThat(mail.text()).contains("Asia/Riyadh", "استشارة", "تصوير طبي", "Outpatient Center", "Heart Center")
                .as("10:00 in Boston is 18:00 in Riyadh, written the Arabic way").contains("٦:٠٠");
        String firstIcs = attachment(mail);
        Files.writeString(Papers.OUT.resolve("itinerary-mail-first.ics"), firstIcs);
        Map<String, VEvent> before = events(firstIcs);
        assertThat(before).hasSize(2);
        assertThat(before.values()).allMatch(e -> value(e, Property.SEQUENCE).equals("0"));

        Map<String, Object> moved = appointment((String) made.get(0).get("id"), "2027-01-12T10:00:00-05:00",
                "outpatient-7", "heart-center", "CONSULTATION");
        put(List.of(moved));
        sender.drain();
        List<Mailbox.Received> all = itineraryMails();
        assertThat(all).hasSize(2);
        Mailbox.Received revised = all.get(1);
        revised.saveAs(Papers.OUT, "itinerary-mail-revised");
        assertThat(revised.subject()).isEqualTo("طلبك " + Portal.referenceOf(caseId) + ": تغيّرت مواعيدك");
        assertThat(revised.text()).contains("أُلغي");
        String revisedIcs = attachment(revised);
        Files.writeString(Papers.OUT.resolve("itinerary-mail-revised.ics"), revisedIcs);
        Map<String, VEvent> after = events(revisedIcs);
        assertThat(after.keySet()).as("the same events: calendars update them").isEqualTo(before.keySet());
        String consultation = made.get(0).get("uid").toString();
        String imaging = made.get(1).get("uid").toString();
        assertThat(value(after.get(consultation), Property.SEQUENCE)).isEqualTo("1");
        assertThat(value(after.get(consultation), Property.DTSTART)).isEqualTo("20270112T150000Z");
        assertThat(value(after.get(imaging), Property.SEQUENCE)).isEqualTo("1");
        assertThat(value(after.get(imaging), Property.STATUS)).isEqualTo("CANCELLED");

        for (Mailbox.Received m : all) {
            assertThat(m.everything()).as("nothing clinical, no money, no passport in the itinerary mail")
                    .doesNotContain("Synthetic summary", "USD", "$").doesNotContainPattern("[A-Z][0-9]{7,}");
        }
        put(List.of(moved));
        sender.drain();
        assertThat(itineraryMails()).as("the same itinerary again changes nothing and mails nothing").hasSize(2);
    }

    private List<Mailbox.Received> itineraryMails() {
        return Mailbox.to(address).stream().filter(m -> m.subject().contains("مواعيدك")).toList();
    }

    private List<Map<String, Object>> put(List<Map<String, Object>> appointments) {
        return given().auth().oauth2(Tokens.of("coordinator")).contentType(ContentType.JSON)
                .body(Map.of("appointments", appointments)).put("/api/cases/" + caseId + "/itinerary").then()
                .statusCode(200).extract().jsonPath().getList("appointments");
    }

    private static Map<String, Object> appointment(String id, String start, String place, String department,
            String kind) {
        Map<String, Object> a = new HashMap<>(Map.of("start", start, "minutes", 60, "place", place,
                "department", department, "kind", kind));
        if (id != null) {
            a.put("id", id);
        }
        return a;
    }

    /** The text of the mail's .ics attachment, checked to be sent as a calendar file. */
    private static String attachment(Mailbox.Received mail) throws Exception {
        Multipart parts = (Multipart) mail.raw().getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (part.getFileName() != null && part.getFileName().endsWith(".ics")) {
                assertThat(part.getContentType()).startsWith("text/calendar");
                assertThat(part.getFileName()).startsWith("itinerary-IPC-");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                part.getDataHandler().writeTo(out);
                return out.toString(StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no .ics attached to " + mail.subject());
    }

    private static Map<String, VEvent> events(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents("VEVENT");
        return events.stream().collect(Collectors.toMap(e -> value(e, Property.UID), Function.identity()));
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }
}
