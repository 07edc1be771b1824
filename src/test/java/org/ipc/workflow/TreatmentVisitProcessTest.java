package org.ipc.workflow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.ipc.cases.CaseEvent.Kind.CANCELLED_NO_DEPOSIT;
import static org.ipc.cases.CaseEvent.Kind.DEPOSIT_RECEIVED;
import static org.ipc.cases.CaseEvent.Kind.DEPOSIT_REMINDER;
import static org.ipc.cases.CaseEvent.Kind.ESTIMATE_READY;
import static org.ipc.cases.CaseEvent.Kind.PRE_ARRIVAL_REMINDER;
import static org.ipc.cases.CaseEvent.Kind.SUMMARY_SENT;
import static org.ipc.cases.CaseEvent.Kind.WITHDRAWN;
import static org.ipc.cases.CaseStatus.AWAITING_DEPOSIT;
import static org.ipc.cases.CaseStatus.CLOSED;
import static org.ipc.cases.CaseStatus.DECLINED;
import static org.ipc.cases.CaseStatus.FOLLOW_UP;
import static org.ipc.cases.CaseStatus.IN_VISIT;
import static org.ipc.cases.CaseStatus.SCHEDULING;
import static org.ipc.cases.CaseStatus.SUBMITTED;
import static org.ipc.cases.CaseStatus.UNDER_REVIEW;
import static org.ipc.cases.CaseStatus.VISIT_SCHEDULED;
import static org.ipc.testing.ProcessDriver.events;
import static org.ipc.testing.ProcessDriver.newYork;
import static org.ipc.testing.ProcessDriver.setNewYorkTime;
import static org.ipc.testing.ProcessDriver.status;
import static org.ipc.testing.ProcessDriver.statusHistory;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipc.cases.PatientCase;
import org.ipc.testing.Portal;
import org.ipc.testing.ProcessDriver;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** Every path of bpmn/treatment-visit.bpmn, on PostgreSQL, with timers fired on a moved engine clock. */
@QuarkusTest
class TreatmentVisitProcessTest {

    @Inject
    ProcessDriver process;

    private String caseId;

    @BeforeEach
    void submitOnAMondayMorning() {
        setNewYorkTime("2026-11-23T09:00");
        caseId = Portal.submit("physician", "TREATMENT", Map.of("timeZone", "Asia/Dubai"));
    }

    @AfterEach
    void realTimeAgain() {
        ClockUtil.reset();
    }

    @Test
    void happyPathFromIntakeThroughDepositVisitAndFollowUpToClosed() {
        acceptAndEstimate(true);
        assertThat(status(caseId)).isEqualTo(AWAITING_DEPOSIT);
        assertThat(events(caseId)).contains(ESTIMATE_READY);
        assertThat(((Date) process.variable(caseId, "depositDue")).toInstant())
                .as("seven business days before the office opens on admission day, 14 December")
                .isEqualTo(newYork("2026-12-03T08:00"));

        ProcessDriver.pay(caseId, "10000.00", "FT-1").statusCode(201).body("balance", equalTo("4400.00"))
                .body("met", equalTo(false));
        assertThat(status(caseId)).as("a partial payment: the process still waits").isEqualTo(AWAITING_DEPOSIT);
        assertThat(process.openTaskKeys(caseId)).isEmpty();
        confirmDeposit().then().statusCode(409).contentType("application/problem+json");
        ProcessDriver.pay(caseId, "4400.00", "FT-2").statusCode(201).body("balance", equalTo("0.00"))
                .body("met", equalTo(true));
        assertThat(status(caseId)).as("the payment that meets the deposit lets the process go on")
                .isEqualTo(SCHEDULING);
        assertThat(events(caseId)).contains(DEPOSIT_RECEIVED);
        assertThat(process.hasVariable(caseId, "estimateAmount")).isFalse();
        assertThat(process.variable(caseId, "estimateRevision")).isEqualTo(1);
        ProcessDriver.issueVisaLetter(caseId, "2026-12-13", "2026-12-30").statusCode(201);
        process.complete(caseId, "VisaInvitation", "coordinator", Map.of());
        assertThat(process.variable(caseId, "visaLetterId")).isNotNull();
        process.book(caseId, "coordinator", "2026-12-13", "2026-12-14T09:00:00-05:00");
        process.complete(caseId, "ArrangeTravel", "coordinator", Map.of("lodgingBooked", true,
                "interpreterBooked", true));
        assertThat(status(caseId)).isEqualTo(VISIT_SCHEDULED);
        assertThat(((Date) process.variable(caseId, "preArrivalReminderAt")).toInstant())
                .as("two days before arrival at 10:00 in Dubai, the patient's own time")
                .isEqualTo(LocalDateTime.parse("2026-12-11T10:00").atZone(ZoneId.of("Asia/Dubai")).toInstant());

        process.fireTimer(caseId, "PreArrivalReminderDue");
        assertThat(events(caseId)).contains(PRE_ARRIVAL_REMINDER);
        arrived().then().statusCode(200).body("status", equalTo("IN_VISIT"));
        process.complete(caseId, "CoordinateVisit", "coordinator", Map.of("discharged", true));
        process.complete(caseId, "DischargeSummary", "specialist", Map.of("summaryWritten", true));
        assertThat(events(caseId)).contains(SUMMARY_SENT);
        process.complete(caseId, "FollowUpCall", "coordinator", Map.of("patientReached", true));

        assertThat(process.isEnded(caseId)).isTrue();
        assertThat(statusHistory(caseId)).containsExactly(SUBMITTED, UNDER_REVIEW, AWAITING_DEPOSIT, SCHEDULING,
                VISIT_SCHEDULED, IN_VISIT, FOLLOW_UP, CLOSED);
        assertThat(ProcessDriver.mail(caseId)).as("what the patient and the physician are told, in the outbox")
                .containsExactlyInAnyOrder("RECEIVED to patient", "RECEIVED to physician",
                        "ESTIMATE_READY to patient", "DEPOSIT_RECEIVED to patient", "ITINERARY to patient",
                        "VISIT_SCHEDULED to patient",
                        "PRE_ARRIVAL_REMINDER to patient", "SUMMARY_SENT to physician", "FOLLOW_UP to patient",
                        "CLOSED to patient", "CLOSED to physician");
    }

    @Test
    void withoutAVisaLetterTheAppointmentsComeRightAfterTheDeposit() {
        acceptAndEstimate(false);
        depositPaid().statusCode(201);
        assertThat(process.openTaskKeys(caseId)).containsExactly("BookAppointments");
    }

    @Test
    void datesBeyondTheBusinessClocksLimitAreRefusedNamingTheField() {
        walkTo("MedicalReview");
        process.complete(caseId, "MedicalReview", "specialist", Map.of("medicalDecision", "accept",
                "medicalReason", "Good candidate."));
        String taskId = process.task(caseId, "CostEstimate").getId();
        given().auth().oauth2(Tokens.of("finance")).post("/api/inbox/tasks/" + taskId + "/claim")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.of("finance")).contentType(ContentType.JSON).body(Map.of("variables", Map.of()))
                .post("/api/inbox/tasks/" + taskId + "/complete")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("Write the cost estimate first"));
        for (String far : List.of("9999-12-31", "2126-12-14")) {
            ProcessDriver.writeEstimate(caseId, far).statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("plannedAdmission"))
                    .body("errors[0].message", equalTo("must be within two years of today"));
        }
        ProcessDriver.writeEstimate(caseId, "1900-01-01").statusCode(400)
                .body("errors[0].field", equalTo("plannedAdmission"))
                .body("errors[0].message", equalTo("must be after today"));
        assertThat(process.openTaskKeys(caseId)).containsExactly("CostEstimate");
        process.estimate(caseId);
        depositPaid().statusCode(201);
        String booking = process.task(caseId, "BookAppointments").getId();
        given().auth().oauth2(Tokens.of("coordinator")).post("/api/inbox/tasks/" + booking + "/claim")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.of("coordinator")).contentType(ContentType.JSON)
                .body(Map.of("variables", Map.of("arrivalDate", "2046-12-13")))
                .post("/api/inbox/tasks/" + booking + "/complete")
                .then().statusCode(400).body("errors[0].field", equalTo("variables.arrivalDate"))
                .body("errors[0].message", equalTo("must be within 10 years of today"));
        given().auth().oauth2(Tokens.of("coordinator")).contentType(ContentType.JSON)
                .body(Map.of("variables", Map.of("arrivalDate", "2026-12-13")))
                .post("/api/inbox/tasks/" + booking + "/complete")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("Set the appointments first"));
        assertThat(process.openTaskKeys(caseId)).containsExactly("BookAppointments");
    }

    @Test
    void theFirstAppointmentComesFromTheItineraryNotFromTheProcess() {
        acceptAndEstimate(false);
        depositPaid().statusCode(201);
        process.book(caseId, "coordinator", "2026-12-13", "2026-12-14T15:00:00+01:00");
        assertThat(process.hasVariable(caseId, "firstAppointment")).isFalse();
        process.complete(caseId, "ArrangeTravel", "coordinator", Map.of("lodgingBooked", true,
                "interpreterBooked", false));
        assertThat(QuarkusTransaction.requiringNew().call(() -> PatientCase.<PatientCase>findById(
                UUID.fromString(caseId)).firstAppointmentAt)).as("kept with the case when the visit is confirmed, for the patient's mails")
                .isEqualTo(newYork("2026-12-14T09:00"));
    }

    @Test
    void declinedAtIntake() {
        process.complete(caseId, "IntakeReview", "coordinator", Map.of("decision", "decline", "visaLetterNeeded", false));
        assertThat(process.isEnded(caseId)).isTrue();
        assertThat(status(caseId)).isEqualTo(DECLINED);
    }

    @Test
    void departmentDeclinesWithAReason() {
        process.complete(caseId, "IntakeReview", "coordinator", Map.of("decision", "accept", "visaLetterNeeded", true));
        process.complete(caseId, "MedicalReview", "specialist", Map.of("medicalDecision", "decline",
                "medicalReason", "Treatment is available closer to home."));
        assertThat(process.isEnded(caseId)).isTrue();
        assertThat(statusHistory(caseId)).containsExactly(SUBMITTED, UNDER_REVIEW, DECLINED);
    }

    @Test
    void depositNeverPaidIsRemindedThenCancelledAtTheDeadline() {
        acceptAndEstimate(true);
        process.fireTimer(caseId, "DepositReminderDue");
        process.fireTimer(caseId, "DepositReminderDue");
        assertThat(events(caseId)).filteredOn(e -> e == DEPOSIT_REMINDER).hasSize(2);

        assertThat(process.fireTimer(caseId, "DepositDeadlinePassed")).isEqualTo(newYork("2026-12-03T08:00"));
        assertThat(process.isEnded(caseId)).isTrue();
        assertThat(status(caseId)).isEqualTo(CLOSED);
        assertThat(events(caseId)).contains(CANCELLED_NO_DEPOSIT);
        assertThat(process.pendingJobs(caseId)).isZero();
        depositPaid().statusCode(409).contentType("application/problem+json");
        confirmDeposit().then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void depositOrArrivalAtTheWrongTimeIsAConflict() {
        // before the case has a finance task it is not finance's at all (access/AccessPolicy): as if missing
        confirmDeposit().then().statusCode(404);
        ProcessDriver.atCostEstimate(caseId);
        confirmDeposit().then().statusCode(409);
        arrived().then().statusCode(409);
        given().auth().oauth2(Tokens.of("coordinator")).when().post("/api/cases/" + caseId + "/deposit")
                .then().statusCode(403);
    }

    @ParameterizedTest(name = "withdrawn at {0}")
    @ValueSource(strings = { "MedicalReview", "WaitForDeposit", "AwaitArrival", "CoordinateVisit" })
    void withdrawalAtAnyStageEndsEveryTaskAndTimer(String stage) {
        walkTo(stage);
        given().auth().oauth2(Tokens.of("physician")).when().post("/api/portal/cases/" + caseId + "/withdraw")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        assertThat(process.isEnded(caseId)).isTrue();
        assertThat(process.pendingJobs(caseId)).isZero();
        assertThat(events(caseId)).contains(WITHDRAWN);
    }

    private void walkTo(String stage) {
        process.complete(caseId, "IntakeReview", "coordinator", Map.of("decision", "accept", "visaLetterNeeded", false));
        if (stage.equals("MedicalReview")) {
            return;
        }
        process.complete(caseId, "MedicalReview", "specialist", Map.of("medicalDecision", "accept",
                "medicalReason", "Good candidate."));
        process.estimate(caseId);
        if (stage.equals("WaitForDeposit")) {
            return;
        }
        depositPaid().statusCode(201);
        process.book(caseId, "coordinator", "2026-12-13", "2026-12-14T09:00:00-05:00");
        process.complete(caseId, "ArrangeTravel", "coordinator", Map.of("lodgingBooked", true, "interpreterBooked", false));
        if (stage.equals("AwaitArrival")) {
            return;
        }
        arrived().then().statusCode(200);
    }

    private void acceptAndEstimate(boolean visa) {
        process.complete(caseId, "IntakeReview", "coordinator", Map.of("decision", "accept", "visaLetterNeeded", visa));
        process.complete(caseId, "MedicalReview", "specialist", Map.of("medicalDecision", "accept",
                "medicalReason", "We can treat this."));
        process.estimate(caseId);
    }

    /** Finance records one payment of the whole deposit. */
    private io.restassured.response.ValidatableResponse depositPaid() {
        return ProcessDriver.pay(caseId, "14400.00", "FT-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** Finance confirms the deposit by hand (POST /api/cases/{id}/deposit). */
    private io.restassured.response.Response confirmDeposit() {
        return given().auth().oauth2(Tokens.of("finance")).when().post("/api/cases/" + caseId + "/deposit");
    }

    private io.restassured.response.Response arrived() {
        return given().auth().oauth2(Tokens.of("coordinator")).when().post("/api/cases/" + caseId + "/arrival");
    }
}
