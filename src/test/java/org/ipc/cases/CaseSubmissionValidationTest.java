package org.ipc.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.function.Consumer;

import org.camunda.bpm.engine.RuntimeService;
import org.ipc.testing.CaseRequests;
import org.ipc.testing.Rows;
import org.ipc.testing.Portal;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/** Bad submissions are 400 problem+json naming each bad field, and leave nothing behind. */
@QuarkusTest
class CaseSubmissionValidationTest {

    @Inject
    RuntimeService runtime;

    private Rows before;
    private long processesBefore;

    @BeforeEach
    void countRows() {
        // The physician row is provisioned on first use; make sure it exists so counts compare like with like.
        Portal.submit("physician");
        before = Rows.count();
        processesBefore = runtime.createProcessInstanceQuery().count();
    }

    @Test
    void malformedJsonIsRejected() {
        post("{\"type\": \"SECOND_OPINION\", \"patient\": {")
                .body("title", equalTo("Malformed JSON"))
                .body("detail", containsString("line"));
        assertNothingStored();
    }

    @Test
    void unknownCaseTypeNamesTheField() {
        postWith(c -> c.put("type", "COSMETIC"))
                .body("errors.field", hasItem("type"))
                .body("errors[0].message", containsString("SECOND_OPINION"));
        assertNothingStored();
    }

    @Test
    void unknownUrgencyNamesTheField() {
        postWith(c -> c.put("urgency", "YESTERDAY")).body("errors.field", hasItem("urgency"));
        assertNothingStored();
    }

    @ParameterizedTest
    @ValueSource(strings = { "XX", "Brazil", "br", "BRA", "" })
    void badCountryNamesTheField(String country) {
        postWithPatient(p -> p.put("countryOfResidence", country))
                .body("errors.field", hasItem("patient.countryOfResidence"));
        assertNothingStored();
    }

    @ParameterizedTest
    @ValueSource(strings = { "portuguese", "xx", "pt_BR", "en-", "12", "" })
    void badLanguageNamesTheField(String language) {
        postWithPatient(p -> p.put("preferredLanguage", language))
                .body("errors.field", hasItem("patient.preferredLanguage"));
        assertNothingStored();
    }

    @ParameterizedTest
    @ValueSource(strings = { "Mars/Olympus_Mons", "GMT+3", "+03:00", "Sao Paulo", "" })
    void badTimeZoneNamesTheField(String zone) {
        postWithPatient(p -> p.put("timeZone", zone)).body("errors.field", hasItem("patient.timeZone"));
        assertNothingStored();
    }

    @Test
    void overLongSummaryIsRejected() {
        postWith(c -> c.put("clinicalSummary", "x".repeat(10_001)))
                .body("errors.field", hasItem("clinicalSummary"))
                .body("errors.message", hasItem("must be at most 10,000 characters"));
        assertNothingStored();
    }

    @Test
    void summaryOfExactlyTenThousandCharactersIsAccepted() {
        Map<String, Object> c = CaseRequests.secondOpinion();
        c.put("clinicalSummary", "y".repeat(10_000));
        given().auth().oauth2(Tokens.of("physician")).contentType(ContentType.JSON).body(c)
                .when().post("/api/portal/cases")
                .then().statusCode(201);
    }

    @Test
    void everyMissingFieldIsNamed() {
        post("{\"patient\": {}}")
                .body("errors.field", hasItem("type"))
                .body("errors.field", hasItem("department"))
                .body("errors.field", hasItem("urgency"))
                .body("errors.field", hasItem("clinicalSummary"))
                .body("errors.field", hasItem("patient.givenName"))
                .body("errors.field", hasItem("patient.birthDate"))
                .body("errors.field", hasItem("patient.timeZone"));
        assertNothingStored();
    }

    @Test
    void emptyBodyIsRejected() {
        post("").body("errors.field", hasItem("body"));
        assertNothingStored();
    }

    @Test
    void unknownDepartmentNamesTheField() {
        postWith(c -> c.put("department", "astrology"))
                .body("errors.field", hasItem("department"))
                .body("errors.message", hasItem(containsString("/api/departments")));
        assertNothingStored();
    }

    @Test
    void birthDateMustBeADateInThePast() {
        postWithPatient(p -> p.put("birthDate", "02/04/1968")).body("errors.field", hasItem("patient.birthDate"));
        postWithPatient(p -> p.put("birthDate", "2999-01-01")).body("errors.field", hasItem("patient.birthDate"));
        assertNothingStored();
    }

    @Test
    void emailConsentNeedsAnEmail() {
        postWithPatient(p -> p.remove("email")).body("errors.field", hasItem("patient.email"));
        assertNothingStored();
    }

    @Test
    void badEmailAndPhoneAreNamed() {
        postWithPatient(p -> {
            p.put("email", "not-an-address");
            p.put("phone", "011 99999");
        }).body("errors.field", hasItem("patient.email")).body("errors.field", hasItem("patient.phone"));
        assertNothingStored();
    }

    @Test
    void wrongContentTypeIsA415Problem() {
        given().auth().oauth2(Tokens.of("physician")).contentType(ContentType.TEXT).body("hello")
                .when().post("/api/portal/cases")
                .then().statusCode(415).contentType("application/problem+json");
        assertNothingStored();
    }

    @Test
    void problemsNeverCarryStackTraces() {
        postWith(c -> c.put("type", 42))
                .body(not(containsString("at org.")))
                .body(not(containsString("Exception")));
    }

    private ValidatableResponse postWith(Consumer<Map<String, Object>> change) {
        Map<String, Object> c = CaseRequests.secondOpinion();
        change.accept(c);
        return post(c);
    }

    @SuppressWarnings("unchecked")
    private ValidatableResponse postWithPatient(Consumer<Map<String, Object>> change) {
        return postWith(c -> change.accept((Map<String, Object>) c.get("patient")));
    }

    private ValidatableResponse post(Object body) {
        return given().auth().oauth2(Tokens.of("physician")).contentType(ContentType.JSON).body(body)
                .when().post("/api/portal/cases")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("instance", equalTo("/api/portal/cases"));
    }

    private void assertNothingStored() {
        assertThat(Rows.count()).isEqualTo(before);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(processesBefore);
    }
}
