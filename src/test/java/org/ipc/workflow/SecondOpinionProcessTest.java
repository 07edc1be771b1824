package org.ipc.workflow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ipc.cases.CaseEvent.Kind.CLOSED_INCOMPLETE;
import static org.ipc.cases.CaseEvent.Kind.OPINION_RELEASED;
import static org.ipc.cases.CaseEvent.Kind.OWNER_CHANGED;
import static org.ipc.cases.CaseEvent.Kind.RECORDS_RECEIVED;
import static org.ipc.cases.CaseEvent.Kind.RECORDS_REMINDER;
import static org.ipc.cases.CaseEvent.Kind.WITHDRAWN;
import static org.ipc.cases.CaseStatus.CLOSED;
import static org.ipc.cases.CaseStatus.DECLINED;
import static org.ipc.cases.CaseStatus.FOLLOW_UP;
import static org.ipc.cases.CaseStatus.OPINION_READY;
import static org.ipc.cases.CaseStatus.RECORDS_REQUESTED;
import static org.ipc.cases.CaseStatus.SUBMITTED;
import static org.ipc.cases.CaseStatus.UNDER_REVIEW;
import static org.ipc.testing.ProcessDriver.events;
import static org.ipc.testing.ProcessDriver.newYork;
import static org.ipc.testing.ProcessDriver.owner;
import static org.ipc.testing.ProcessDriver.setNewYorkTime;
import static org.ipc.testing.ProcessDriver.status;
import static org.ipc.testing.ProcessDriver.statusHistory;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipc.cases.CaseEvent;
import org.ipc.cases.CaseNote;
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
import jakarta.inject.Inject;

/** Every path of bpmn/second-opinion.bpmn, on PostgreSQL, with timers fired on a moved engine clock. */
@QuarkusTest
class SecondOpinionProcessTest {

    private static final Map<String, Object> ACCEPT_COMPLETE_ENGLISH = Map.of("decision", "accept",
            "recordsComplete", true, "recordsInEnglish", true);

    @Inject
    ProcessDriver process;

    private String caseId;

    @BeforeEach
    void submitOnAMondayMorning() {
        setNewYorkTime("2026-11-23T09:00");
        caseId = Portal.submit("physician");
    }

    @AfterEach
    void realTimeAgain() {
        ClockUtil.reset();
    }

    @Test
    void happyPathFromIntakeToClosedWithOneCoordinatorAsSinglePointOfContact() {
        assertThat(process.openTaskKeys(caseId)).containsExactly("IntakeReview");
        assertThat(process.variable(caseId, ProcessVariables.COORDINATOR_GROUP)).isEqualTo("coordinator:pt");

        process.complete(caseId, "IntakeReview", "coordinator", ACCEPT_COMPLETE_ENGLISH);
        assertThat(owner(caseId)).as("who completes the first coordinator task owns the case").isEqualTo("coordinator");
        assertThat(process.variable(caseId, ProcessVariables.SPECIALIST_GROUP)).isEqualTo("specialist:cancer-center");
        assertThat(status(caseId)).isEqualTo(UNDER_REVIEW);
        assertThat(process.task(caseId, "SpecialistReview").getDueDate().toInstant())
                .as("seven business days from complete records, Thanksgiving skipped")
                .isEqualTo(newYork("2026-12-03T09:00"));

        process.complete(caseId, "SpecialistReview", "specialist", Map.of("opinionWritten", true));
        process.complete(caseId, "QualityCheck", "supervisor", Map.of("release", "release"));
        assertThat(events(caseId)).contains(OPINION_RELEASED);
        assertThat(process.task(caseId, "FollowUpCall").getAssignee())
                .as("later coordinator tasks go straight to the owner").isEqualTo("coordinator");

        process.complete(caseId, "FollowUpCall", "coordinator", Map.of("patientReached", true, "callNote", "Spoke with the patient."));
        assertThat(process.isEnded(caseId)).isTrue();
        assertThat(statusHistory(caseId)).containsExactly(SUBMITTED, UNDER_REVIEW, OPINION_READY, FOLLOW_UP, CLOSED);
        assertThat(notes()).containsExactly("FollowUpCall/callNote");
        assertThat(ProcessDriver.mail(caseId)).as("what the patient and the physician are told, in the outbox")
                .containsExactlyInAnyOrder("RECEIVED to patient", "RECEIVED to physician",
                        "OPINION_RELEASED to patient", "OPINION_RELEASED to physician", "FOLLOW_UP to patient",
                        "CLOSED to patient", "CLOSED to physician");
    }

    @Test
    void declinedAtIntakeEndsDeclinedWithTheReasonKeptAsANote() {
        process.complete(caseId, "IntakeReview", "coordinator", Map.of("decision", "decline",
                "recordsComplete", false, "recordsInEnglish", true, "declineReason", "Not treatable here."));
        assertThat(process.isEnded(caseId)).isTrue();
        assertThat(status(caseId)).isEqualTo(DECLINED);
        assertThat(notes()).containsExactly("IntakeReview/declineReason");
        assertThat(ProcessDriver.mail(caseId)).containsExactlyInAnyOrder("RECEIVED to patient",
                "RECEIVED to physician", "DECLINED to patient", "DECLINED to physician");
    }

    @Test
    void missingRecordsAreRequestedRemindedReceivedAndTranslated() {
        process.complete(caseId, "IntakeReview", "coordinator", Map.of("decision", "accept",
                "recordsComplete", false, "recordsInEnglish", false));
        assertThat(status(caseId)).isEqualTo(RECORDS_REQUESTED);
        process.complete(caseId, "RequestRecords", "coordinator", Map.of("missingRecords", "Pathology report"));
        assertThat(events(caseId)).contains(CaseEvent.Kind.RECORDS_REQUESTED);
        assertThat(process.hasVariable(caseId, "missingRecords")).as("free text stays out of the process").isFalse();
        assertThat(process.hasVariable(caseId, "recordsComplete")).as("routing answers go in").isTrue();

        // no answer: a reminder every three business days
        assertThat(process.fireTimer(caseId, "RecordsReminderDue")).isEqualTo(newYork("2026-11-27T09:00"));
        assertThat(process.fireTimer(caseId, "RecordsReminderDue")).isEqualTo(newYork("2026-12-02T09:01"));
        assertThat(events(caseId)).filteredOn(e -> e == RECORDS_REMINDER).hasSize(2);

        // the physician uploads: the coordinator checks what came
        process.physicianUploadsRecords(caseId);
        assertThat(process.openTaskKeys(caseId)).containsExactly("CheckRecords");
        process.complete(caseId, "CheckRecords", "coordinator", Map.of("recordsComplete", true, "recordsInEnglish", false));
        process.complete(caseId, "TranslateRecords", "coordinator", Map.of("translationDone", true));
        assertThat(process.openTaskKeys(caseId)).containsExactly("SpecialistReview");
        assertThat(statusHistory(caseId)).containsExactly(SUBMITTED, RECORDS_REQUESTED, UNDER_REVIEW);
        assertThat(events(caseId)).contains(RECORDS_RECEIVED);
        assertThat(ProcessDriver.mail(caseId)).as("each reminder is its own mail").containsExactlyInAnyOrder(
                "RECEIVED to patient", "RECEIVED to physician",
                "RECORDS_REQUESTED to patient", "RECORDS_REQUESTED to physician",
                "RECORDS_REMINDER to patient", "RECORDS_REMINDER to physician",
                "RECORDS_REMINDER to patient", "RECORDS_REMINDER to physician");
    }

    @Test
    void incompleteRecordsAreRequestedAgainUntilComplete() {
        process.complete(caseId, "IntakeReview", "coordinator", Map.of("decision", "accept",
                "recordsComplete", false, "recordsInEnglish", true));
        process.complete(caseId, "RequestRecords", "coordinator", Map.of("missingRecords", "Imaging"));
        process.physicianUploadsRecords(caseId);
        process.complete(caseId, "CheckRecords", "coordinator", Map.of("recordsComplete", false, "recordsInEnglish", true));
        assertThat(process.openTaskKeys(caseId)).containsExactly("RequestRecords");
        assertThat(status(caseId)).isEqualTo(RECORDS_REQUESTED);
    }

    @Test
    void recordsNeverReceivedCloseTheCaseAsIncompleteAfterThirtyDaysOfSilence() {
        process.complete(caseId, "IntakeReview", "coordinator", Map.of("decision", "accept",
                "recordsComplete", false, "recordsInEnglish", true));
        process.complete(caseId, "RequestRecords", "coordinator", Map.of("missingRecords", "Everything"));
        process.fireTimer(caseId, "RecordsReminderDue");

        assertThat(process.fireTimer(caseId, "SilenceTooLong")).isEqualTo(newYork("2026-12-23T09:00"));
        assertThat(process.isEnded(caseId)).isTrue();
        assertThat(status(caseId)).isEqualTo(CLOSED);
        assertThat(events(caseId)).contains(CLOSED_INCOMPLETE);
        assertThat(process.pendingJobs(caseId)).isZero();
    }

    @Test
    void lateOpinionIsEscalatedToASupervisorWhileTheSpecialistKeepsTheTask() {
        process.complete(caseId, "IntakeReview", "coordinator", ACCEPT_COMPLETE_ENGLISH);
        process.fireTimer(caseId, "OpinionLate");
        assertThat(process.openTaskKeys(caseId)).containsExactly("EscalateLateOpinion", "SpecialistReview");

        List<String> supervisorQueue = given().auth().oauth2(Tokens.of("supervisor")).queryParam("caseId", caseId)
                .when().get("/api/inbox/tasks").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.caseId == '" + caseId + "' }.taskKey");
        assertThat(supervisorQueue).containsExactly("EscalateLateOpinion");
        List<Map<String, Object>> late = given().auth().oauth2(Tokens.of("specialist")).queryParam("overdue", "true")
                .queryParam("caseId", caseId).when().get("/api/inbox/tasks").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.caseId == '" + caseId + "' }");
        assertThat(late).extracting(t -> t.get("taskKey")).containsExactly("SpecialistReview");
    }

    @Test
    void qualityCheckCanSendTheOpinionBackForRevision() {
        process.complete(caseId, "IntakeReview", "coordinator", ACCEPT_COMPLETE_ENGLISH);
        process.complete(caseId, "SpecialistReview", "specialist", Map.of("opinionWritten", true));
        process.complete(caseId, "QualityCheck", "supervisor", Map.of("release", "revise", "revisionNote", "Add staging."));
        assertThat(process.openTaskKeys(caseId)).containsExactly("SpecialistReview");
        assertThat(status(caseId)).isEqualTo(UNDER_REVIEW);
    }

    @Test
    void specialistsOfOtherDepartmentsDoNotSeeTheReview() {
        process.complete(caseId, "IntakeReview", "coordinator", ACCEPT_COMPLETE_ENGLISH);
        String taskId = process.task(caseId, "SpecialistReview").getId();
        given().auth().oauth2(Tokens.of("specialist2")).when().post("/api/inbox/tasks/" + taskId + "/claim")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.of("specialist")).when().post("/api/inbox/tasks/" + taskId + "/claim")
                .then().statusCode(200);
    }

    @ParameterizedTest(name = "withdrawn at {0}")
    @ValueSource(strings = { "IntakeReview", "WaitForRecords", "SpecialistReview", "QualityCheck", "FollowUpCall" })
    void withdrawalAtAnyStageEndsEveryTaskAndTimer(String stage) {
        walkTo(stage);
        given().auth().oauth2(Tokens.of("physician")).when().post("/api/portal/cases/" + caseId + "/withdraw")
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("WITHDRAWN"));

        assertThat(process.isEnded(caseId)).isTrue();
        assertThat(process.pendingJobs(caseId)).isZero();
        assertThat(status(caseId)).isEqualTo(org.ipc.cases.CaseStatus.WITHDRAWN);
        assertThat(events(caseId)).contains(WITHDRAWN);
        given().auth().oauth2(Tokens.of("physician")).when().post("/api/portal/cases/" + caseId + "/withdraw")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void onlyTheReferringPhysicianCanWithdraw() {
        given().auth().oauth2(Tokens.of("physician2")).when().post("/api/portal/cases/" + caseId + "/withdraw")
                .then().statusCode(404);
        assertThat(process.isEnded(caseId)).isFalse();
    }

    @Test
    void supervisorHandsTheCaseToAnotherCoordinatorWithItsOpenTasks() {
        process.complete(caseId, "IntakeReview", "coordinator", Map.of("decision", "accept",
                "recordsComplete", false, "recordsInEnglish", true));
        assertThat(process.task(caseId, "RequestRecords").getAssignee()).isEqualTo("coordinator");

        // only to a coordinator the staff directory knows (who has signed in): not to an id nobody has
        given().auth().oauth2(Tokens.of("supervisor")).contentType("application/json")
                .body(Map.of("userId", "no-such-colleague")).when().post("/api/cases/" + caseId + "/owner")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("userId"));
        given().auth().oauth2(Tokens.of("coordinator2")).when().get("/api/staff").then().statusCode(200);
        given().auth().oauth2(Tokens.of("supervisor")).contentType("application/json")
                .body(Map.of("userId", "coordinator2"))
                .when().post("/api/cases/" + caseId + "/owner")
                .then().statusCode(200).body("owner", org.hamcrest.Matchers.equalTo("coordinator2"));
        assertThat(process.task(caseId, "RequestRecords").getAssignee()).isEqualTo("coordinator2");
        assertThat(owner(caseId)).isEqualTo("coordinator2");
        assertThat(events(caseId)).filteredOn(e -> e == OWNER_CHANGED).hasSize(2);

        given().auth().oauth2(Tokens.of("coordinator")).contentType("application/json")
                .body(Map.of("userId", "coordinator"))
                .when().post("/api/cases/" + caseId + "/owner")
                .then().statusCode(403);
    }

    @Test
    void patientsWhoseLanguageNoCoordinatorSpeaksGetEveryCoordinatorAndAnInterpreter() {
        String russian = Portal.submit("physician", "SECOND_OPINION", Map.of("preferredLanguage", "ru"));
        assertThat(process.openTaskKeys(russian)).containsExactly("ArrangeInterpreter", "IntakeReview");
        assertThat(process.variable(russian, ProcessVariables.COORDINATOR_GROUP)).isEqualTo("coordinator");

        String arabic = Portal.submit("physician", "SECOND_OPINION", Map.of("preferredLanguage", "ar"));
        assertThat(process.openTaskKeys(arabic)).containsExactly("IntakeReview");
        String taskId = process.task(arabic, "IntakeReview").getId();
        given().auth().oauth2(Tokens.of("coordinator")).when().get("/api/inbox/tasks/" + taskId)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.of("coordinator2")).when().get("/api/inbox/tasks/" + taskId)
                .then().statusCode(200);
    }

    private void walkTo(String stage) {
        if (stage.equals("IntakeReview")) {
            return;
        }
        if (stage.equals("WaitForRecords")) {
            process.complete(caseId, "IntakeReview", "coordinator", Map.of("decision", "accept",
                    "recordsComplete", false, "recordsInEnglish", true));
            process.complete(caseId, "RequestRecords", "coordinator", Map.of("missingRecords", "Imaging"));
            assertThat(process.pendingJobs(caseId)).as("reminder and silence timers").isGreaterThanOrEqualTo(2);
            return;
        }
        process.complete(caseId, "IntakeReview", "coordinator", ACCEPT_COMPLETE_ENGLISH);
        if (stage.equals("SpecialistReview")) {
            return;
        }
        process.complete(caseId, "SpecialistReview", "specialist", Map.of("opinionWritten", true));
        if (stage.equals("QualityCheck")) {
            return;
        }
        process.complete(caseId, "QualityCheck", "supervisor", Map.of("release", "release"));
    }

    private List<String> notes() {
        return QuarkusTransaction.requiringNew().call(() -> CaseNote.of(UUID.fromString(caseId)).stream()
                .map(n -> n.taskKey + "/" + n.field).toList());
    }
}
