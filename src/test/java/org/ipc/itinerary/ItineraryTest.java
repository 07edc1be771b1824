package org.ipc.itinerary;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.io.StringReader;
import java.nio.file.Files;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

import org.ipc.testing.MondayMorningInNovember;
import org.ipc.testing.Papers;
import org.ipc.testing.Portal;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Coordinators set a visit's appointments; the patient gets them in their own zone and language and as an
 * iCalendar file, parsed back here with the same library: a revision keeps every event's UID and raises the
 * SEQUENCE of what changed, and a cancelled appointment comes back as STATUS:CANCELLED.
 */
@QuarkusTest
class ItineraryTest implements MondayMorningInNovember {

    private static String riyadhPatient() {
        return Portal.submit("physician", "TREATMENT", Map.of("preferredLanguage", "ar", "timeZone", "Asia/Riyadh",
                "countryOfResidence", "SA"));
    }

    private static Map<String, Object> appointment(String start, String place, String department, String kind) {
        Map<String, Object> a = new HashMap<>();
        a.put("start", start);
        a.put("minutes", 60);
        a.put("place", place);
        a.put("department", department);
        a.put("kind", kind);
        return a;
    }

    private static ValidatableResponse put(String caseId, List<Map<String, Object>> appointments) {
        return given().auth().oauth2(Tokens.of("coordinator")).contentType(ContentType.JSON)
                .body(Map.of("appointments", appointments)).put("/api/cases/" + caseId + "/itinerary").then();
    }

    private static Calendar calendar(String caseId, String keepAs) throws Exception {
        String ics = given().auth().oauth2(Tokens.of("coordinator")).get("/api/cases/" + caseId + "/itinerary/calendar")
                .then().statusCode(200).contentType("text/calendar").header("Content-Disposition",
                        org.hamcrest.Matchers.containsString(".ics")).extract().asString();
        Files.createDirectories(Papers.OUT);
        Files.writeString(Papers.OUT.resolve(keepAs), ics);
        assertThat(ics).contains("\r\n").startsWith("BEGIN:VCALENDAR");
        assertThat(ics.split("\r\n")).as("one DTSTAMP per event, the service's clock's")
                .filteredOn(line -> line.startsWith("DTSTAMP:")).allMatch(line -> line.equals("DTSTAMP:20261123T140000Z"));
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static Map<String, VEvent> eventsByUid(Calendar calendar) {
        List<VEvent> events = calendar.getComponents("VEVENT");
        return events.stream().collect(Collectors.toMap(e -> value(e, Property.UID), Function.identity()));
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }

    @Test
    void aRevisedItineraryKeepsEveryUidAndRaisesTheSequenceOfWhatChanged() throws Exception {
        String caseId = riyadhPatient();
        List<Map<String, Object>> first = List.of(
                appointment("2027-01-11T08:30:00-05:00", "ipc-desk", "heart-center", "INTERNATIONAL_OFFICE"),
                appointment("2027-01-11T10:00:00-05:00", "outpatient-7", "heart-center", "CONSULTATION"),
                appointment("2027-01-12T14:00:00Z", "imaging-2", "imaging", "IMAGING"));
        List<Map<String, Object>> made = put(caseId, first).statusCode(200).body("changed", equalTo(3))
                .body("appointments.sequence", contains(0, 0, 0))
                .body("appointments[1].hospitalTime", equalTo("2027-01-11T10:00:00-05:00"))
                .body("appointments[1].patientTime", equalTo("2027-01-11T18:00:00+03:00"))
                .body("appointments[1].place.building", equalTo("Outpatient Center"))
                .body("appointments[1].department.name", equalTo("Heart Center"))
                .extract().jsonPath().getList("appointments");
        Calendar before = calendar(caseId, "itinerary-first.ics");
        assertThat(before.getProperty(Property.METHOD).map(Property::getValue)).contains("PUBLISH");
        Map<String, VEvent> original = eventsByUid(before);
        assertThat(original).hasSize(3);
        String uid0 = (String) made.get(0).get("uid");
        String uid1 = (String) made.get(1).get("uid");
        String uid2 = (String) made.get(2).get("uid");
        assertThat(uid1).endsWith("@ipc.hospital.example");
        VEvent consultation = original.get(uid1);
        assertThat(value(consultation, Property.SEQUENCE)).isEqualTo("0");
        assertThat(value(consultation, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(value(consultation, Property.DTSTART)).isEqualTo("20270111T150000Z");
        assertThat(value(consultation, Property.SUMMARY)).isEqualTo("استشارة · General Hospital");
        assertThat(value(consultation, Property.LOCATION)).contains("Outpatient Center", "Clinics, floor 7");

        // the consultation moves a day, the imaging is cancelled, the welcome stays, a follow-up is added
        Map<String, Object> keep = appointment("2027-01-11T08:30:00-05:00", "ipc-desk", "heart-center",
                "INTERNATIONAL_OFFICE");
        keep.put("id", made.get(0).get("id"));
        Map<String, Object> moved = appointment("2027-01-12T10:00:00-05:00", "outpatient-7", "heart-center",
                "CONSULTATION");
        moved.put("id", made.get(1).get("id"));
        Map<String, Object> added = appointment("2027-01-20T09:00:00-05:00", "outpatient-7", "heart-center",
                "FOLLOW_UP");
        List<Map<String, Object>> now = put(caseId, List.of(keep, moved, added)).statusCode(200)
                .body("changed", equalTo(3)).extract().jsonPath().getList("appointments");
        added.put("id", now.stream().filter(a -> "FOLLOW_UP".equals(a.get("kind"))).findFirst().orElseThrow().get("id"));

        Map<String, VEvent> revised = eventsByUid(calendar(caseId, "itinerary-revised.ics"));
        assertThat(revised).hasSize(4).containsKeys(uid0, uid1, uid2);
        assertThat(value(revised.get(uid0), Property.SEQUENCE)).isEqualTo("0");
        assertThat(value(revised.get(uid1), Property.SEQUENCE)).isEqualTo("1");
        assertThat(value(revised.get(uid1), Property.DTSTART)).isEqualTo("20270112T150000Z");
        assertThat(value(revised.get(uid2), Property.SEQUENCE)).isEqualTo("1");
        assertThat(value(revised.get(uid2), Property.STATUS)).isEqualTo("CANCELLED");
        VEvent followUp = revised.values().stream().filter(e -> !List.of(uid0, uid1, uid2).contains(value(e, Property.UID)))
                .findFirst().orElseThrow();
        assertThat(value(followUp, Property.SEQUENCE)).isEqualTo("0");
        assertThat(value(followUp, Property.SUMMARY)).startsWith("زيارة متابعة");

        // the same itinerary again changes nothing, and a cancelled appointment can come back
        put(caseId, List.of(keep, moved, added)).statusCode(200).body("changed", equalTo(0));
        Map<String, Object> back = appointment("2027-01-12T14:00:00Z", "imaging-2", "imaging", "IMAGING");
        back.put("id", made.get(2).get("id"));
        put(caseId, List.of(keep, moved, added, back)).statusCode(200).body("changed", equalTo(1))
                .body("appointments.find { it.id == '" + made.get(2).get("id") + "' }.sequence", equalTo(2))
                .body("appointments.find { it.id == '" + made.get(2).get("id") + "' }.status", equalTo("SCHEDULED"));
    }

    @Test
    void thePatientReadsTheItineraryInTheirLanguageAndTimeZone() {
        String caseId = riyadhPatient();
        List<Map<String, Object>> made = put(caseId, List.of(
                appointment("2027-01-11T10:00:00-05:00", "outpatient-7", "heart-center", "CONSULTATION"),
                appointment("2027-01-12T09:00:00-05:00", "imaging-2", "imaging", "IMAGING")))
                .statusCode(200).extract().jsonPath().getList("appointments");
        Map<String, Object> keep = appointment("2027-01-11T10:00:00-05:00", "outpatient-7", "heart-center",
                "CONSULTATION");
        keep.put("id", made.get(0).get("id"));
        put(caseId, List.of(keep)).statusCode(200);

        given().auth().oauth2(Tokens.of("supervisor")).get("/api/cases/" + caseId + "/itinerary/patient-view").then()
                .statusCode(200).body("language", equalTo("ar")).body("direction", equalTo("rtl"))
                .body("timeZone", equalTo("Asia/Riyadh"))
                .body("title", equalTo("مواعيدك في General Hospital"))
                .body("appointments.what", contains("استشارة", "تصوير طبي"))
                .body("appointments.cancelled", contains(false, true))
                .body("appointments[1].status", equalTo("أُلغي"))
                // 10:00 in Boston is 18:00 in Riyadh, written the Arabic way
                .body("appointments[0].when", org.hamcrest.Matchers.containsString("٦:٠٠"))
                .body("appointments[0].when", org.hamcrest.Matchers.containsString("يناير"));
    }

    @Test
    void badAppointmentsAreNamedByField() {
        String caseId = riyadhPatient();
        Map<String, Object> noOffset = appointment("2027-01-11T10:00", "outpatient-7", "heart-center", "CONSULTATION");
        Map<String, Object> nowhere = appointment("2027-01-11T10:00:00-05:00", "basement", "astrology", "SPA");
        nowhere.put("minutes", 0);
        Map<String, Object> foreign = appointment("2027-01-11T10:00:00-05:00", "outpatient-7", "heart-center",
                "CONSULTATION");
        foreign.put("id", "3f1c7d4e-0000-4000-8000-000000000000");
        Map<String, Object> past = appointment("2026-11-01T10:00:00-05:00", "outpatient-7", "heart-center",
                "CONSULTATION");
        put(caseId, List.of(noOffset, nowhere, foreign, past)).statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("appointments[0].start", "appointments[1].minutes",
                        "appointments[1].place", "appointments[1].department", "appointments[1].kind",
                        "appointments[2].id", "appointments[3].start"));
        given().auth().oauth2(Tokens.of("coordinator")).contentType(ContentType.JSON).body(Map.of())
                .put("/api/cases/" + caseId + "/itinerary").then().statusCode(400)
                .body("errors[0].field", equalTo("appointments"));
        given().auth().oauth2(Tokens.of("coordinator")).get("/api/cases/" + caseId + "/itinerary").then()
                .statusCode(200).body("appointments.size()", equalTo(0));
    }

    @Test
    void onlyCoordinatorsAndSupervisorsSetTheItinerary() {
        String caseId = riyadhPatient();
        List<Map<String, Object>> one = List.of(appointment("2027-01-11T10:00:00-05:00", "outpatient-7",
                "heart-center", "CONSULTATION"));
        given().auth().oauth2(Tokens.of("finance")).contentType(ContentType.JSON).body(Map.of("appointments", one))
                .put("/api/cases/" + caseId + "/itinerary").then().statusCode(403);
        given().auth().oauth2(Tokens.of("physician")).get("/api/cases/" + caseId + "/itinerary/calendar").then()
                .statusCode(403);
        given().auth().oauth2(Tokens.of("supervisor")).contentType(ContentType.JSON).body(Map.of("appointments", one))
                .put("/api/cases/" + caseId + "/itinerary").then().statusCode(200);
        assertThat(Instant.parse("2027-01-11T15:00:00Z")).isAfter(Instant.parse("2026-11-23T14:00:00Z"));
    }
}
