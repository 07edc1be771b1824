package org.ipc.visa;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ipc.audit.AuditAction;
import org.ipc.audit.AuditEvent;
import org.ipc.testing.MondayMorningInNovember;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A letter stands for its plan: withdrawing the case, or a revised estimate that moves the admission, revokes it in
 * the same transaction, and the consulate's check then says so; a revision that keeps the dates leaves it standing.
 */
@QuarkusTest
class VisaRevocationTest implements MondayMorningInNovember {

    @Test
    void withdrawingTheCaseRevokesItsLetter() {
        String caseId = VisaLettersTest.caseWithEstimate(false);
        String code = VisaLettersTest.issue(caseId, VisaLettersTest.letter()).statusCode(201).extract()
                .path("verificationCode");
        status(code).body("status", equalTo("VALID")).body("revokedOn", nullValue());

        given().auth().oauth2(Tokens.of("physician")).post("/api/portal/cases/" + caseId + "/withdraw")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));

        status(code).body("status", equalTo("REVOKED")).body("revokedOn", equalTo("2026-11-23"));
        given().auth().oauth2(Tokens.of("coordinator")).get("/api/cases/" + caseId + "/visa-letters").then()
                .statusCode(200).body("items[0].revokedReason", equalTo("The case was withdrawn"));
        assertThat(audited(caseId)).contains(AuditAction.VISA_LETTER_REVOKED);
    }

    @Test
    void aRevisedEstimateThatMovesTheAdmissionRevokesTheLetterButOneThatKeepsItDoesNot() {
        String caseId = VisaLettersTest.caseWithEstimate(false);
        String code = VisaLettersTest.issue(caseId, VisaLettersTest.letter()).statusCode(201).extract()
                .path("verificationCode");

        revise(caseId, "2027-01-11", 1);
        status(code).body("status", equalTo("VALID"));

        revise(caseId, "2027-01-18", 2);
        status(code).body("status", equalTo("REVOKED"));
        given().auth().oauth2(Tokens.of("coordinator")).get("/api/cases/" + caseId + "/visa-letters").then()
                .statusCode(200).body("items[0].revokedReason",
                        equalTo("The plan changed: admission moved from 2027-01-11 to 2027-01-18"));
    }

    @Test
    void anItineraryOutsideTheLettersStayRevokesItButOneInsideDoesNot() {
        String caseId = VisaLettersTest.caseWithEstimate(false);
        String code = VisaLettersTest.issue(caseId, VisaLettersTest.letter()).statusCode(201).extract()
                .path("verificationCode");
        String id = itinerary(caseId, null, "2027-01-11T10:00:00-05:00").extract().path("appointments[0].id");
        status(code).body("status", equalTo("VALID"));

        itinerary(caseId, id, "2027-02-10T10:00:00-05:00");
        status(code).body("status", equalTo("REVOKED"));
        given().auth().oauth2(Tokens.of("coordinator")).get("/api/cases/" + caseId + "/visa-letters").then()
                .statusCode(200).body("items[0].revokedReason", equalTo("The plan changed: the appointments "
                        + "(2027-02-10 to 2027-02-10) fall outside the stay of the letter (2027-01-08 to 2027-02-05)"));
    }

    private static io.restassured.response.ValidatableResponse itinerary(String caseId, String id, String start) {
        Map<String, Object> a = new HashMap<>(Map.of("start", start, "minutes", 60, "place", "outpatient-7",
                "department", "heart-center", "kind", "CONSULTATION"));
        if (id != null) {
            a.put("id", id);
        }
        return given().auth().oauth2(Tokens.of("coordinator")).contentType(ContentType.JSON)
                .body(Map.of("appointments", List.of(a))).put("/api/cases/" + caseId + "/itinerary").then()
                .statusCode(200);
    }

    private static void revise(String caseId, String admission, int revises) {
        Map<String, Object> estimate = new HashMap<>(Map.of("currency", "USD",
                "items", List.of(Map.of("description", "Treatment package", "amount", "51000")),
                "payer", Map.of("kind", "SELF_PAY"), "deposit", Map.of("amount", "10000"),
                "plannedAdmission", admission, "validUntil", "2026-12-31", "revises", revises));
        given().auth().oauth2(Tokens.of("finance")).contentType(ContentType.JSON).body(estimate)
                .post("/api/cases/" + caseId + "/estimates").then().statusCode(201);
    }

    private static io.restassured.response.ValidatableResponse status(String code) {
        return given().accept(ContentType.JSON).get("/verify/" + code).then().statusCode(200);
    }

    private static List<AuditAction> audited(String caseId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list("caseId",
                UUID.fromString(caseId)).stream().map(a -> a.action).toList());
    }
}
