package org.ipc.estimates;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ipc.testing.MondayMorningInNovember;
import org.ipc.testing.Papers;
import org.ipc.testing.Portal;
import org.ipc.testing.ProcessDriver;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Finance issues itemised estimates: exact money in the estimate's currency, the payer, the deposit and its due date
 * on the business clock, revisions that keep the earlier ones, every bad field named, and the PDF in the patient's
 * language (Arabic shaped and right to left) with nothing clinical on it.
 */
@QuarkusTest
class EstimatesTest implements MondayMorningInNovember {

    static final String SUMMARY = "Synthetic summary: Quillfeather syndrome of the left xiphoid, stage zeta.";

    static String treatmentCase(String language, String zone) {
        Map<String, Object> patient = new HashMap<>();
        patient.put("preferredLanguage", language);
        patient.put("timeZone", zone);
        if (language.equals("ar")) {
            patient.put("givenName", "ليلى");
            patient.put("familyName", "الحربي");
            patient.put("countryOfResidence", "SA");
        }
        // finance reaches a case once it has a finance task: the department accepted it
        return ProcessDriver.atCostEstimate(Portal.submit("physician", "TREATMENT", patient));
    }

    static Map<String, Object> estimate() {
        Map<String, Object> e = new HashMap<>();
        e.put("currency", "USD");
        e.put("items", List.of(
                Map.of("description", "Consultations and tests", "amount", "4200.00"),
                Map.of("description", "Surgeon's and anaesthetist's fees", "amount", 18500),
                Map.of("description", "Hospital stay, 6 nights", "amount", "25300.50")));
        e.put("payer", Map.of("kind", "SELF_PAY"));
        e.put("deposit", Map.of("percent", 30));
        e.put("plannedAdmission", "2027-01-11");
        e.put("validUntil", "2026-12-31");
        return e;
    }

    static ValidatableResponse issue(String caseId, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.of("finance")).contentType(ContentType.JSON).body(body)
                .post("/api/cases/" + caseId + "/estimates").then();
    }

    @Test
    void anItemisedEstimateAddsUpExactlyAndItsDepositFallsDueSevenBusinessDaysBeforeAdmission() {
        String caseId = treatmentCase("pt-BR", "America/Sao_Paulo");

        issue(caseId, estimate()).statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/cases/" + caseId + "/estimates/1"))
                .body("revision", equalTo(1)).body("current", equalTo(true))
                .body("currency", equalTo("USD"))
                .body("items.amount", contains("4200.00", "18500.00", "25300.50"))
                .body("total", equalTo("48000.50"))
                // 30 % of 48,000.50 is 14,400.15
                .body("deposit.amount", equalTo("14400.15")).body("deposit.percent", equalTo("30"))
                .body("payer.kind", equalTo("SELF_PAY"))
                // Monday 11 January 2027 at 08:00, back 7 office days over New Year's Day: Wednesday 30 December 08:00
                .body("depositDue", equalTo("2026-12-30T13:00:00Z"))
                .body("language", equalTo("pt"));
    }

    @Test
    void aRevisionSupersedesTheEstimateAndBothAreKept() {
        String caseId = treatmentCase("es", "America/Bogota");
        issue(caseId, estimate()).statusCode(201);
        Map<String, Object> revised = estimate();
        revised.put("currency", "EUR");
        revised.put("items", List.of(Map.of("description", "Treatment package", "amount", "41000")));
        revised.put("payer", Map.of("kind", "INSURER", "name", "Seguros Ejemplo S.A.", "reference", "POL-2026-88231"));
        revised.put("deposit", Map.of("amount", "10000"));
        revised.put("revises", 1);

        issue(caseId, revised).statusCode(201).body("revision", equalTo(2)).body("total", equalTo("41000.00"))
                .body("payer.name", equalTo("Seguros Ejemplo S.A.")).body("deposit.percent", nullValue());

        given().auth().oauth2(Tokens.of("coordinator")).get("/api/cases/" + caseId + "/estimates").then()
                .statusCode(200).body("total", equalTo(2))
                .body("items.revision", contains(2, 1)).body("items.current", contains(true, false))
                .body("items[1].supersededAt", org.hamcrest.Matchers.notNullValue())
                .body("items[1].total", equalTo("48000.50"));
        given().auth().oauth2(Tokens.of("supervisor")).get("/api/cases/" + caseId + "/estimates/1").then()
                .statusCode(200).body("currency", equalTo("USD")).body("current", equalTo(false));
        // both PDFs stay among the case's documents
        given().auth().oauth2(Tokens.of("coordinator")).get("/api/cases/" + caseId + "/documents").then()
                .statusCode(200).body("items.fileName", hasItem(org.hamcrest.Matchers.endsWith("-r1.pdf")))
                .body("items.fileName", hasItem(org.hamcrest.Matchers.endsWith("-r2.pdf")));

        // a revision made from a stale page is refused, and nothing changes
        revised.put("revises", 1);
        issue(caseId, revised).statusCode(409);
        given().auth().oauth2(Tokens.of("finance")).get("/api/cases/" + caseId + "/estimates").then()
                .body("total", equalTo(2));
    }

    @Test
    void everyBadFieldIsNamedInOneAnswer() {
        String caseId = treatmentCase("en", "Europe/London");
        Map<String, Object> bad = estimate();
        bad.put("currency", "usd");
        bad.put("items", List.of(Map.of("description", "Tests", "amount", "100"),
                Map.of("description", " ", "amount", "-5"), Map.of("description", "Stay", "amount", "10.005")));
        bad.put("payer", Map.of("kind", "FRIEND"));
        bad.put("deposit", Map.of("amount", "100", "percent", "10"));
        bad.put("plannedAdmission", "2026-11-01");
        bad.put("validUntil", "2026-11-01");

        issue(caseId, bad).statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("currency", "items[1].description", "items[1].amount",
                        "payer.kind", "deposit", "plannedAdmission", "validUntil"));

        // with a valid currency, the third item's decimals are checked against it
        bad.put("currency", "USD");
        issue(caseId, bad).statusCode(400).body("errors.find { it.field == 'items[2].amount' }.message",
                equalTo("USD amounts have at most 2 decimal places"));
        // yen have no minor unit; an insurer must be named with its policy; a deposit above the total
        Map<String, Object> yen = estimate();
        yen.put("currency", "JPY");
        yen.put("items", List.of(Map.of("description", "Package", "amount", "5000000.50")));
        yen.put("payer", Map.of("kind", "INSURER"));
        yen.put("deposit", Map.of("amount", "9000000"));
        issue(caseId, yen).statusCode(400)
                .body("errors.field", containsInAnyOrder("items[0].amount", "payer.name", "payer.reference"))
                .body("errors.find { it.field == 'items[0].amount' }.message", equalTo("JPY amounts are whole numbers"));
        yen.put("items", List.of(Map.of("description", "Package", "amount", "5000000")));
        yen.put("payer", Map.of("kind", "EMBASSY", "name", "Embassy of Example, Medical Office", "reference", "G-77"));
        issue(caseId, yen).statusCode(400).body("errors.field", contains("deposit.amount"));
        // not a JSON number: Jackson's own error names the field
        Map<String, Object> notANumber = estimate();
        notANumber.put("items", List.of(Map.of("description", "Tests", "amount", "a lot")));
        issue(caseId, notANumber).statusCode(400).body("errors.field", contains("items[0].amount"));

        given().auth().oauth2(Tokens.of("finance")).get("/api/cases/" + caseId + "/estimates").then()
                .statusCode(200).body("total", equalTo(0));
    }

    @Test
    void threeDecimalCurrenciesAreExactToTheFils() {
        String caseId = treatmentCase("ar", "Asia/Kuwait");
        Map<String, Object> kwd = estimate();
        kwd.put("currency", "KWD");
        kwd.put("items", List.of(Map.of("description", "Package", "amount", "14725.125"),
                Map.of("description", "Stay", "amount", "0.001")));
        kwd.put("deposit", Map.of("percent", "33.33"));
        // 33.33 % of 14,725.126 = 4,907.884 4958 → 4,907.884
        issue(caseId, kwd).statusCode(201).body("total", equalTo("14725.126"))
                .body("deposit.amount", equalTo("4907.884"));
    }

    @Test
    void onlyFinanceIssuesAndOtherStaffOnlyRead() {
        String caseId = treatmentCase("en", "Europe/London");
        given().auth().oauth2(Tokens.of("coordinator")).contentType(ContentType.JSON).body(estimate())
                .post("/api/cases/" + caseId + "/estimates").then().statusCode(403);
        given().auth().oauth2(Tokens.of("physician")).get("/api/cases/" + caseId + "/estimates").then()
                .statusCode(403);
        given().auth().oauth2(Tokens.of("finance")).contentType(ContentType.JSON).body(estimate())
                .post("/api/cases/3f1c7d4e-0000-4000-8000-000000000000/estimates").then().statusCode(404);
    }

    @Test
    void theArabicEstimateReadsRightToLeftInTheRightOrderWithNothingClinical() {
        Map<String, Object> patient = new HashMap<>(Map.of("preferredLanguage", "ar", "timeZone", "Asia/Riyadh",
                "givenName", "ليلى", "familyName", "الحربي", "countryOfResidence", "SA"));
        Map<String, Object> request = org.ipc.testing.CaseRequests.ofType("TREATMENT");
        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) request.get("patient");
        p.putAll(patient);
        request.put("clinicalSummary", SUMMARY);
        String caseId = ProcessDriver.atCostEstimate(given().auth().oauth2(Tokens.of("physician"))
                .contentType(ContentType.JSON).body(request).post("/api/portal/cases").then().statusCode(201).extract()
                .path("id"));
        Map<String, Object> e = estimate();
        e.put("items", List.of(Map.of("description", "استشارات وفحوصات", "amount", "4200.00"),
                Map.of("description", "أتعاب الجراح وطبيب التخدير", "amount", "18500"),
                Map.of("description", "الإقامة في المستشفى، 6 ليالٍ", "amount", "25300.50")));
        e.put("payer", Map.of("kind", "GOVERNMENT", "name", "وزارة الصحة", "reference", "MOH-2026-4471"));
        String documentId = issue(caseId, e).statusCode(201).extract().path("documentId");

        byte[] pdf = Papers.download("finance", caseId, documentId);
        String text = Papers.text(pdf);
        assertThat(text).contains("تقدير التكلفة", "الرقم المرجعي", "ليلى الحربي", "الإجمالي التقديري",
                "الدفعة المقدمة المطلوبة", "وزارة الصحة", "MOH-2026-4471", "أتعاب الجراح وطبيب التخدير",
                Portal.referenceOf(caseId));
        assertThat(text).doesNotContain("xiphoid").doesNotContain("Quillfeather").doesNotContain("cancer")
                .doesNotContain("Cancer");
        Path png = Papers.drawFirstPage(pdf, "estimate-ar");
        assertThat(png).exists();
    }

    @ParameterizedTest
    @CsvSource({ "en, Europe/London, Cost estimate, Deposit required",
            "es, America/Bogota, Presupuesto de costos, Depósito requerido",
            "pt, America/Sao_Paulo, Orçamento de custos, Depósito exigido",
            "zh, Asia/Shanghai, 费用估算, 所需押金" })
    void theEstimateIsWrittenInThePatientsLanguage(String language, String zone, String title, String deposit) {
        String caseId = treatmentCase(language, zone);
        String documentId = issue(caseId, estimate()).statusCode(201).extract().path("documentId");
        byte[] pdf = Papers.download("coordinator", caseId, documentId);
        assertThat(Papers.pages(pdf)).isEqualTo(1);
        assertThat(Papers.text(pdf)).contains(title, deposit, Portal.referenceOf(caseId), "Ana Souza");
        if (language.equals("zh")) {
            Papers.drawFirstPage(pdf, "estimate-zh");
        }
    }
}
