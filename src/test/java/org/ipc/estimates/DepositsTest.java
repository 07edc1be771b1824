package org.ipc.estimates;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.ipc.audit.AuditAction;
import org.ipc.audit.AuditEvent;
import org.ipc.testing.MondayMorningInNovember;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Finance records the deposit's payments as they arrive: partial payments add up exactly, the balance and "deposit
 * met" follow, a payment in another currency counts only with its exchange rate, and every payment is audited.
 */
@QuarkusTest
class DepositsTest implements MondayMorningInNovember {

    @Inject
    DepositService deposits;

    private static String caseWithEstimate() {
        String caseId = EstimatesTest.treatmentCase("ar", "Asia/Riyadh");
        Map<String, Object> e = EstimatesTest.estimate();
        e.put("items", List.of(Map.of("description", "Treatment package", "amount", "48000")));
        e.put("deposit", Map.of("amount", "14400"));
        EstimatesTest.issue(caseId, e).statusCode(201);
        return caseId;
    }

    private static ValidatableResponse pay(String caseId, Map<String, Object> payment) {
        return given().auth().oauth2(Tokens.of("finance")).contentType(ContentType.JSON).body(payment)
                .post("/api/cases/" + caseId + "/payments").then();
    }

    private static Map<String, Object> payment(String amount, String currency, String reference) {
        Map<String, Object> p = new HashMap<>();
        p.put("amount", amount);
        p.put("currency", currency);
        p.put("receivedOn", "2026-11-20");
        p.put("reference", reference);
        return p;
    }

    private boolean met(String caseId) {
        return QuarkusTransaction.requiringNew().call(() -> deposits.isDepositMet(UUID.fromString(caseId)));
    }

    @Test
    void partialPaymentsAddUpToTheDepositExactly() {
        String caseId = caseWithEstimate();
        assertThat(met(caseId)).isFalse();

        pay(caseId, payment("10000.10", "USD", "FT-1001")).statusCode(201)
                .body("required", equalTo("14400.00")).body("received", equalTo("10000.10"))
                .body("balance", equalTo("4399.90")).body("met", equalTo(false))
                .body("outstandingTotal", equalTo("37999.90"));
        assertThat(met(caseId)).isFalse();

        pay(caseId, payment("4399.90", "USD", "FT-1002")).statusCode(201)
                .body("received", equalTo("14400.00")).body("balance", equalTo("0.00")).body("met", equalTo(true))
                .body("payments.reference", contains("FT-1001", "FT-1002"))
                .body("payments[0].exchangeRate", nullValue());
        assertThat(met(caseId)).isTrue();

        given().auth().oauth2(Tokens.of("coordinator")).get("/api/cases/" + caseId + "/payments").then()
                .statusCode(200).body("met", equalTo(true)).body("due", equalTo("2026-12-30T13:00:00Z"));
        long audited = QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("caseId = ?1 and action = ?2",
                UUID.fromString(caseId), AuditAction.PAYMENT_RECORDED));
        assertThat(audited).isEqualTo(2);
    }

    @Test
    void aPaymentInAnotherCurrencyCountsOnlyWithTheRateUsed() {
        String caseId = caseWithEstimate();

        pay(caseId, payment("20000", "SAR", "SA-77")).statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("currency"))
                .body("errors[0].message", equalTo("SAR is not the estimate's currency, USD: record the exchangeRate "
                        + "used with the payment (USD per 1 SAR)"));

        Map<String, Object> withRate = payment("20000", "SAR", "SA-77");
        withRate.put("exchangeRate", "0.26665");
        // 20,000 SAR × 0.26665 = 5,333.00 USD exactly; 12,345.67 SAR × 0.26665 = 3,291.9729055 → 3,291.97
        pay(caseId, withRate).statusCode(201).body("received", equalTo("5333.00"))
                .body("payments[0].amount", equalTo("20000.00")).body("payments[0].currency", equalTo("SAR"))
                .body("payments[0].exchangeRate", equalTo("0.26665")).body("payments[0].counted", equalTo("5333.00"));
        Map<String, Object> odd = payment("12345.67", "SAR", "SA-78");
        odd.put("exchangeRate", "0.26665");
        pay(caseId, odd).statusCode(201).body("payments[1].counted", equalTo("3291.97"))
                .body("received", equalTo("8624.97")).body("balance", equalTo("5775.03"));
        // half up at the cent: 1.00 SAR × 0.26665 = 0.26665 → 0.27
        Map<String, Object> half = payment("1", "SAR", "SA-79");
        half.put("exchangeRate", "0.26665");
        pay(caseId, half).statusCode(201).body("payments[2].counted", equalTo("0.27"));

        Map<String, Object> sameCurrencyWithRate = payment("100", "USD", "FT-2");
        sameCurrencyWithRate.put("exchangeRate", "1.1");
        pay(caseId, sameCurrencyWithRate).statusCode(400).body("errors.field", contains("exchangeRate"));
    }

    @Test
    void aPaymentIsRecordedOnceAndBadOnesAreRefusedByField() {
        String caseId = caseWithEstimate();
        pay(caseId, payment("100", "USD", "FT-9")).statusCode(201);
        pay(caseId, payment("100", "USD", "FT-9")).statusCode(409);

        Map<String, Object> bad = payment("100.001", "USD", " ");
        bad.put("receivedOn", "2026-12-24");
        pay(caseId, bad).statusCode(400).body("errors.field", contains("amount", "receivedOn", "reference"));
        pay(caseId, payment("100", "XAU", "G-1")).statusCode(400).body("errors.field", contains("currency"));

        given().auth().oauth2(Tokens.of("finance")).get("/api/cases/" + caseId + "/payments").then()
                .body("payments.size()", equalTo(1)).body("received", equalTo("100.00"));
    }

    @Test
    void aRevisionKeepsTheCurrencyPaymentsWereCountedIn() {
        String caseId = caseWithEstimate();
        pay(caseId, payment("1000", "USD", "FT-5")).statusCode(201);
        Map<String, Object> inEuros = EstimatesTest.estimate();
        inEuros.put("currency", "EUR");
        EstimatesTest.issue(caseId, inEuros).statusCode(400).body("errors.field", contains("currency"));
        // a revision in the same currency moves the deposit asked for; what was paid still counts
        Map<String, Object> smaller = EstimatesTest.estimate();
        smaller.put("deposit", Map.of("amount", "1000"));
        EstimatesTest.issue(caseId, smaller).statusCode(201);
        given().auth().oauth2(Tokens.of("finance")).get("/api/cases/" + caseId + "/payments").then()
                .body("estimateRevision", equalTo(2)).body("met", equalTo(true));
    }

    @Test
    void noEstimateNoPayment() {
        String caseId = EstimatesTest.treatmentCase("en", "Europe/London");
        pay(caseId, payment("100", "USD", "FT-1")).statusCode(409);
        given().auth().oauth2(Tokens.of("coordinator")).contentType(ContentType.JSON)
                .body(payment("100", "USD", "FT-1")).post("/api/cases/" + caseId + "/payments").then().statusCode(403);
        assertThat(met(caseId)).isFalse();
    }
}
