package org.ipc.visa;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.ipc.testing.MondayMorningInNovember;
import org.ipc.testing.CaseRequests;
import org.ipc.testing.Papers;
import org.ipc.testing.Portal;
import org.ipc.testing.ProcessDriver;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * Visa invitation letters: issued from the approved plan with the passport numbers in the letter and masked
 * everywhere else; checked on the public verification page, which a tampered or unknown code fails and a revoked
 * letter's code reports as revoked.
 */
@QuarkusTest
class VisaLettersTest implements MondayMorningInNovember {

    static final String PASSPORT = "X12344321";
    static final String HUSBAND_PASSPORT = "K98765555";
    static final String SUMMARY = "Synthetic summary: Quillfeather syndrome of the left xiphoid, stage zeta.";

    @Inject
    VisaLetterService letters;

    /** A treatment case with an estimate of US$48,000.50 and the deposit paid when {@code paid}. */
    static String caseWithEstimate(boolean paid) {
        Map<String, Object> request = CaseRequests.ofType("TREATMENT");
        request.put("department", "heart-center");
        request.put("clinicalSummary", SUMMARY);
        String caseId = ProcessDriver.atCostEstimate(given().auth().oauth2(Tokens.of("physician"))
                .contentType(ContentType.JSON).body(request).post("/api/portal/cases").then().statusCode(201).extract()
                .path("id"));
        Map<String, Object> estimate = new HashMap<>(Map.of("currency", "USD",
                "items", List.of(Map.of("description", "Treatment package", "amount", "48000.50")),
                "payer", Map.of("kind", "SELF_PAY"), "deposit", Map.of("amount", "10000"),
                "plannedAdmission", "2027-01-11", "validUntil", "2026-12-31"));
        given().auth().oauth2(Tokens.of("finance")).contentType(ContentType.JSON).body(estimate)
                .post("/api/cases/" + caseId + "/estimates").then().statusCode(201);
        if (paid) {
            given().auth().oauth2(Tokens.of("finance")).contentType(ContentType.JSON)
                    .body(Map.of("amount", "10000", "currency", "USD", "receivedOn", "2026-11-20", "reference", "FT-1"))
                    .post("/api/cases/" + caseId + "/payments").then().statusCode(201);
        }
        return caseId;
    }

    static Map<String, Object> letter() {
        Map<String, Object> l = new HashMap<>();
        l.put("consulate", Map.of("name", "Embassy of the United States of America, Consular Section",
                "city", "Riyadh"));
        Map<String, Object> patient = new HashMap<>();
        patient.put("nameInPassport", "LAYLA SAAD ALHARBI");
        patient.put("birthDate", "1968-04-02");
        patient.put("nationality", "SA");
        patient.put("passportNumber", PASSPORT);
        l.put("patient", patient);
        List<Map<String, Object>> companions = new ArrayList<>();
        companions.add(new HashMap<>(Map.of("nameInPassport", "FAHAD ALHARBI", "relationship", "Husband",
                "passportNumber", HUSBAND_PASSPORT)));
        companions.add(new HashMap<>(Map.of("nameInPassport", "NOURA ALHARBI", "relationship", "Daughter",
                "passportNumber", "k7766 1234")));
        l.put("companions", companions);
        l.put("purpose", "TREATMENT");
        l.put("arrival", "2027-01-08");
        l.put("departure", "2027-02-05");
        return l;
    }

    static ValidatableResponse issue(String caseId, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.of("coordinator")).contentType(ContentType.JSON).body(body)
                .post("/api/cases/" + caseId + "/visa-letters").then();
    }

    @Test
    void theLetterStatesThePlanAndThePassportsWhileEveryViewMasksThem() {
        String caseId = caseWithEstimate(true);

        Response issued = issue(caseId, letter()).statusCode(201)
                .body("passportNumber", equalTo("•••••4321"))
                .body("companions.passportNumber", containsInAnyOrder("•••••5555", "•••••1234"))
                .body("lengthOfStayDays", equalTo(28)).body("estimatedCost", equalTo("48000.50"))
                .body("depositReceived", equalTo(true)).body("department", equalTo("heart-center"))
                .body("verificationCode", org.hamcrest.Matchers.matchesPattern("([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}"))
                .extract().response();
        assertThat(issued.asString()).doesNotContain(PASSPORT).doesNotContain(HUSBAND_PASSPORT);
        String code = issued.path("verificationCode");

        byte[] pdf = Papers.download("coordinator", caseId, issued.path("documentId"));
        String text = Papers.text(pdf);
        assertThat(text).contains("Embassy of the United States of America, Consular Section", "Riyadh",
                "LAYLA SAAD ALHARBI", "2 April 1968", "Saudi Arabia", PASSPORT,
                "FAHAD ALHARBI", "Husband", HUSBAND_PASSPORT, "NOURA ALHARBI", "Daughter", "K77661234",
                "medical treatment", "Heart Center", "8 January 2027", "5 February 2027", "28 days",
                "USD 48,000.50", "has been received", "Dr. Morgan Example", "Director, International Patient Center",
                "General Hospital", code, "https://ipc.hospital.example/verify/" + code, Portal.referenceOf(caseId));
        assertThat(text).doesNotContain("xiphoid").doesNotContain("Quillfeather");
        Papers.drawFirstPage(pdf, "visa-letter");
        assertThat(Papers.pages(pdf)).as("one page").isEqualTo(1);

        given().auth().oauth2(Tokens.of("supervisor")).get("/api/cases/" + caseId + "/visa-letters").then()
                .statusCode(200).body("items[0].passportNumber", equalTo("•••••4321"))
                .body("items[0].verificationCode", nullValue())
                .body(not(containsString(PASSPORT)));
    }

    @Test
    void theReferringPhysicianSeesTheLetterInThePortal() {
        String caseId = caseWithEstimate(false);
        String documentId = issue(caseId, letter()).statusCode(201).body("depositReceived", equalTo(false))
                .extract().path("documentId");
        given().auth().oauth2(Tokens.of("physician")).get("/api/portal/cases/" + caseId + "/documents").then()
                .statusCode(200).body("items.kind", hasItem("VISA_INVITATION"));
        byte[] pdf = given().auth().oauth2(Tokens.of("physician"))
                .get("/api/portal/cases/" + caseId + "/documents/" + documentId).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertThat(Papers.text(pdf)).contains("has not been received", PASSPORT);
    }

    @Test
    void theVerificationPageConfirmsAGenuineLetterWithNameDatesAndIssueDateOnly() {
        String caseId = caseWithEstimate(true);
        String code = issue(caseId, letter()).statusCode(201).extract().path("verificationCode");

        Map<String, Object> json = given().accept(ContentType.JSON).get("/verify/" + code).then().statusCode(200)
                .contentType(ContentType.JSON).extract().as(Map.class);
        assertThat(json).containsOnlyKeys("status", "issuer", "name", "plannedArrival", "plannedDeparture",
                "issuedOn", "revokedOn");
        assertThat(json).containsEntry("status", "VALID").containsEntry("name", "LAYLA SAAD ALHARBI")
                .containsEntry("plannedArrival", "2027-01-08").containsEntry("plannedDeparture", "2027-02-05")
                .containsEntry("issuedOn", "2026-11-23").containsEntry("issuer", "General Hospital");

        Response page = given().accept("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8").get("/verify/" + code);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'").doesNotContain("script");
        assertThat(page.asString()).contains("Genuine letter, in force", "LAYLA SAAD ALHARBI", "2027-01-08",
                "2027-02-05", "2026-11-23").doesNotContain("<script").doesNotContain("4321")
                .doesNotContain("Heart").doesNotContain("xiphoid");
        // as typed by hand: small letters, no dashes, an O for a zero
        String typed = code.replace("-", "").toLowerCase().replace('0', 'o');
        given().accept(ContentType.JSON).get("/verify/" + typed).then().statusCode(200)
                .body("name", equalTo("LAYLA SAAD ALHARBI"));
        given().get("/verify/" + code).then().statusCode(200).contentType(ContentType.HTML);
        // every check reads a patient's name: each is in the audit trail, as an anonymous caller's
        List<String> actors = QuarkusTransaction.requiringNew().call(() -> org.ipc.audit.AuditEvent
                .<org.ipc.audit.AuditEvent>list("caseId = ?1 and action = ?2", UUID.fromString(caseId),
                        org.ipc.audit.AuditAction.VISA_LETTER_VERIFIED)
                .stream().map(e -> e.actor + "|" + e.target).toList());
        assertThat(actors).hasSize(4).allMatch(a -> a.startsWith("anonymous|visa letter "));
    }

    @Test
    void aTamperedOrUnknownCodeGetsTheSameAnswer() {
        String caseId = caseWithEstimate(true);
        String code = issue(caseId, letter()).statusCode(201).extract().path("verificationCode");
        char first = code.charAt(0);
        String tampered = (first == 'A' ? 'B' : 'A') + code.substring(1);
        String unknown = "7K2Q-9XTM-4HVA-PZ3C-8RWE";

        for (String other : List.of(tampered, unknown, "not-a-code", code + "X")) {
            given().accept(ContentType.JSON).get("/verify/" + other).then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("A letter with this verification code from General Hospital was not found"));
            given().accept(ContentType.HTML).get("/verify/" + other).then().statusCode(404)
                    .body(containsString("No such letter")).body(not(containsString("LAYLA")));
        }
    }

    @Test
    void aRevokedLetterIsReportedAsRevoked() {
        String caseId = caseWithEstimate(true);
        String first = issue(caseId, letter()).statusCode(201).extract().path("verificationCode");
        // a new plan: the new letter replaces the first
        Map<String, Object> later = letter();
        later.put("arrival", "2027-01-15");
        later.put("departure", "2027-02-12");
        String second = issue(caseId, later).statusCode(201).extract().path("verificationCode");
        given().accept(ContentType.JSON).get("/verify/" + first).then().statusCode(200)
                .body("status", equalTo("REVOKED")).body("revokedOn", equalTo("2026-11-23"));
        given().accept(ContentType.HTML).get("/verify/" + first).then().statusCode(200)
                .body(containsString("Genuine letter, revoked"));
        given().accept(ContentType.JSON).get("/verify/" + second).then().body("status", equalTo("VALID"));

        // the case is withdrawn: the process revokes its letters
        ProcessDriver.setNewYorkTime("2026-11-25T10:00");
        int revoked = QuarkusTransaction.requiringNew()
                .call(() -> letters.revokeLettersOf(UUID.fromString(caseId), "case withdrawn"));
        assertThat(revoked).isEqualTo(1);
        given().accept(ContentType.JSON).get("/verify/" + second).then().statusCode(200)
                .body("status", equalTo("REVOKED")).body("revokedOn", equalTo("2026-11-25"));
        assertThat(QuarkusTransaction.requiringNew()
                .call(() -> letters.revokeLettersOf(UUID.fromString(caseId), "case withdrawn"))).isZero();
    }

    @Test
    void staffRevokeALetterWithAReason() {
        String caseId = caseWithEstimate(true);
        Response issued = issue(caseId, letter()).statusCode(201).extract().response();
        String letterId = issued.path("id");
        given().auth().oauth2(Tokens.of("coordinator")).contentType(ContentType.JSON).body(Map.of())
                .post("/api/cases/" + caseId + "/visa-letters/" + letterId + "/revoke").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(Tokens.of("supervisor")).contentType(ContentType.JSON)
                .body(Map.of("reason", "Wrong passport number")).post("/api/cases/" + caseId + "/visa-letters/"
                        + letterId + "/revoke").then().statusCode(200).body("revokedReason", equalTo("Wrong passport number"));
        given().auth().oauth2(Tokens.of("supervisor")).contentType(ContentType.JSON)
                .body(Map.of("reason", "again")).post("/api/cases/" + caseId + "/visa-letters/" + letterId + "/revoke")
                .then().statusCode(409);
        given().accept(ContentType.JSON).get("/verify/" + issued.path("verificationCode")).then()
                .body("status", equalTo("REVOKED"));
    }

    @Test
    void badFieldsAreNamedWithoutRepeatingAPassportNumber() {
        String caseId = caseWithEstimate(true);
        Map<String, Object> bad = letter();
        bad.remove("consulate");
        @SuppressWarnings("unchecked")
        Map<String, Object> patient = (Map<String, Object>) bad.get("patient");
        patient.put("passportNumber", "X1234-4321!");
        patient.put("nationality", "Saudi");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> companions = (List<Map<String, Object>>) bad.get("companions");
        companions.get(1).remove("relationship");
        bad.put("purpose", "TOURISM");
        bad.put("departure", "2027-01-01");

        String body = issue(caseId, bad).statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("consulate", "patient.passportNumber", "patient.nationality",
                        "companions[1].relationship", "purpose", "departure"))
                .extract().asString();
        assertThat(body).doesNotContain("X1234-4321").doesNotContain("4321");
        given().auth().oauth2(Tokens.of("coordinator")).get("/api/cases/" + caseId + "/visa-letters").then()
                .body("total", equalTo(0));
    }

    @Test
    void aLetterNeedsAnEstimateAndACoordinator() {
        String caseId = Portal.submit("physician", "TREATMENT");
        issue(caseId, letter()).statusCode(409);
        given().auth().oauth2(Tokens.of("finance")).contentType(ContentType.JSON).body(letter())
                .post("/api/cases/" + caseId + "/visa-letters").then().statusCode(403);
        given().auth().oauth2(Tokens.of("physician")).get("/api/cases/" + caseId + "/visa-letters").then()
                .statusCode(403);
    }
}
