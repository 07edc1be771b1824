package org.ipc.workflow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.ipc.cases.CaseStatus.AWAITING_DEPOSIT;
import static org.ipc.cases.CaseStatus.SCHEDULING;
import static org.ipc.testing.ProcessDriver.setNewYorkTime;
import static org.ipc.testing.ProcessDriver.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipc.notify.Milestone;
import org.ipc.notify.OutboxMail;
import org.ipc.testing.Portal;
import org.ipc.testing.ProcessDriver;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The estimate and the deposit inside the treatment-visit process, through the API: finance writes the estimate in
 * the CostEstimate task, partial payments add up on the staff's and the physician's views, and only the payment that
 * meets the deposit lets the process go on. The process keeps ids and answers only, and the mail says only that an
 * estimate is ready.
 */
@QuarkusTest
class PaperworkProcessTest {

    @Inject
    ProcessDriver process;

    @BeforeEach
    void onAMondayMorning() {
        setNewYorkTime("2026-11-23T09:00");
    }

    @AfterEach
    void realTimeAgain() {
        ClockUtil.reset();
    }

    @Test
    void theEstimateAndItsDepositCarryTheProcessAndShowOnBothViews() {
        String caseId = Portal.submit("physician", "TREATMENT", Map.of("preferredLanguage", "ar",
                "timeZone", "Asia/Riyadh"));
        // coordinator2 speaks Arabic: the patient's tasks are in the queue coordinator:ar, then with the owner
        process.complete(caseId, "IntakeReview", "coordinator2", Map.of("decision", "accept", "visaLetterNeeded", true));
        process.complete(caseId, "MedicalReview", "specialist", Map.of("medicalDecision", "accept",
                "medicalReason", "We can treat this."));
        physicianView(caseId).body("estimate", nullValue());

        process.estimate(caseId);
        assertThat(status(caseId)).isEqualTo(AWAITING_DEPOSIT);
        assertThat(process.variable(caseId, "estimateRevision")).isEqualTo(1);
        assertThat(process.hasVariable(caseId, "estimateAmount")).isFalse();
        assertThat(process.hasVariable(caseId, "plannedAdmission")).as("dates and amounts stay in the estimate")
                .isFalse();
        physicianView(caseId).body("estimate.revision", equalTo(1)).body("estimate.currency", equalTo("USD"))
                .body("estimate.total", equalTo("48000.00")).body("estimate.depositRequired", equalTo("14400.00"))
                .body("estimate.depositReceived", equalTo("0.00")).body("estimate.balance", equalTo("14400.00"))
                .body("estimate.depositMet", equalTo(false)).body("estimate.depositDue", equalTo("2026-12-03T13:00:00Z"))
                .body("estimate.plannedAdmission", equalTo("2026-12-14"));
        given().auth().oauth2(Tokens.of("physician")).get("/api/portal/cases/" + caseId + "/documents").then()
                .statusCode(200).body("items.kind", hasItem("COST_ESTIMATE"))
                .body("items.fileName", hasItem("estimate-" + Portal.referenceOf(caseId) + "-r1.pdf"));

        ProcessDriver.pay(caseId, "9000.00", "FT-101").statusCode(201);
        ProcessDriver.pay(caseId, "3000.00", "FT-102").statusCode(201);
        assertThat(status(caseId)).as("12,000 of 14,400: still waiting").isEqualTo(AWAITING_DEPOSIT);
        assertThat(process.openTaskKeys(caseId)).isEmpty();
        staffView(caseId).body("deposit.received", equalTo("12000.00")).body("deposit.balance", equalTo("2400.00"))
                .body("deposit.met", equalTo(false)).body("deposit.payments.size()", equalTo(2));
        physicianView(caseId).body("estimate.balance", equalTo("2400.00")).body("estimate.depositMet", equalTo(false));

        ProcessDriver.pay(caseId, "2400.00", "FT-103").statusCode(201).body("met", equalTo(true));
        assertThat(status(caseId)).isEqualTo(SCHEDULING);
        assertThat(process.openTaskKeys(caseId)).containsExactly("VisaInvitation");
        staffView(caseId).body("deposit.balance", equalTo("0.00")).body("deposit.met", equalTo(true));
        physicianView(caseId).body("estimate.balance", equalTo("0.00")).body("estimate.depositMet", equalTo(true));
        ProcessDriver.pay(caseId, "100.00", "FT-104").statusCode(201);
        assertThat(process.openTaskKeys(caseId)).as("a payment after the deposit is met tells the process nothing")
                .containsExactly("VisaInvitation");

        // the visa step: the task is done only with a letter, which the physician then finds among the documents
        String visaTask = process.task(caseId, "VisaInvitation").getId();
        given().auth().oauth2(Tokens.of("coordinator2")).post("/api/inbox/tasks/" + visaTask + "/claim").then()
                .statusCode(200);
        given().auth().oauth2(Tokens.of("coordinator2")).contentType("application/json")
                .body(Map.of("variables", Map.of())).post("/api/inbox/tasks/" + visaTask + "/complete").then()
                .statusCode(409).contentType("application/problem+json");
        String code = ProcessDriver.issueVisaLetter(caseId, "2026-12-13", "2026-12-30").statusCode(201).extract()
                .path("verificationCode");
        given().auth().oauth2(Tokens.of("coordinator2")).contentType("application/json")
                .body(Map.of("variables", Map.of("visaNote", "Sent by courier"))).post("/api/inbox/tasks/" + visaTask
                        + "/complete").then().statusCode(200);
        assertThat(process.openTaskKeys(caseId)).containsExactly("BookAppointments");
        assertThat(process.variable(caseId, "visaLetterId").toString()).doesNotContain("X12344321");
        given().auth().oauth2(Tokens.of("physician")).get("/api/portal/cases/" + caseId + "/documents").then()
                .statusCode(200).body("items.kind", hasItem("VISA_INVITATION"));
        given().accept("application/json").get("/verify/" + code).then().statusCode(200)
                .body("status", equalTo("VALID"));
        given().auth().oauth2(Tokens.of("physician")).post("/api/portal/cases/" + caseId + "/withdraw").then()
                .statusCode(200);
        given().accept("application/json").get("/verify/" + code).then().statusCode(200)
                .body("status", equalTo("REVOKED"));

        List<OutboxMail> estimateMail = QuarkusTransaction.requiringNew().call(() -> OutboxMail.<OutboxMail>list(
                "caseId = ?1 and milestone = ?2", UUID.fromString(caseId), Milestone.ESTIMATE_READY));
        assertThat(estimateMail).hasSize(1);
        for (OutboxMail m : estimateMail) {
            assertThat(m.subject + m.bodyText + m.bodyHtml).as("the estimate-ready mail carries no amount")
                    .doesNotContain("48000", "48,000", "48.000", "14400", "14,400", "14.400", "٤٨٬٠٠٠", "١٤٬٤٠٠",
                            "USD", "$");
        }
    }

    @Test
    void aRevisedEstimateSupersedesAndItsLowerDepositAlreadyPaidLetsTheProcessGoOn() {
        String caseId = Portal.submit("physician", "TREATMENT");
        process.complete(caseId, "IntakeReview", "coordinator", Map.of("decision", "accept", "visaLetterNeeded", false));
        process.complete(caseId, "MedicalReview", "specialist", Map.of("medicalDecision", "accept",
                "medicalReason", "We can treat this."));
        process.estimate(caseId);
        ProcessDriver.pay(caseId, "10000.00", "FT-201").statusCode(201);
        assertThat(status(caseId)).isEqualTo(AWAITING_DEPOSIT);

        given().auth().oauth2(Tokens.of("finance")).contentType("application/json").body(Map.of("currency", "USD",
                "items", List.of(Map.of("description", "Treatment package, revised", "amount", "40000")),
                "payer", Map.of("kind", "SELF_PAY"), "deposit", Map.of("amount", "10000"),
                "plannedAdmission", "2026-12-14", "validUntil", "2026-12-31", "revises", 1))
                .post("/api/cases/" + caseId + "/estimates").then().statusCode(201).body("revision", equalTo(2));

        assertThat(status(caseId)).as("revision 2 asks 10,000, already paid").isEqualTo(SCHEDULING);
        staffView(caseId).body("deposit.estimateRevision", equalTo(2)).body("deposit.balance", equalTo("0.00"));
    }

    private static io.restassured.response.ValidatableResponse physicianView(String caseId) {
        return given().auth().oauth2(Tokens.of("physician")).get("/api/portal/cases/" + caseId).then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse staffView(String caseId) {
        return given().auth().oauth2(Tokens.of("coordinator")).get("/api/cases/" + caseId).then().statusCode(200);
    }
}
