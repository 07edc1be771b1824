package org.ipc.workitems;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ipc.testing.ProcessDriver.setNewYorkTime;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import jakarta.inject.Inject;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ipc.testing.Portal;
import org.ipc.testing.ProcessDriver;
import org.ipc.testing.ReadModel;
import org.ipc.testing.Tokens;
import org.ipc.workflow.EngineDoor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The task read model is the engine's open tasks, step by step: both processes walked along their paths (tasks
 * completed, timers fired, messages from outside, a hand-over), checked after every step by {@link ReadModel}; a
 * task's due date, follow-up date, priority and candidate groups changed at run time; and the whole table again after
 * an admin's rebuild. (Every step of SecondOpinionProcessTest and TreatmentVisitProcessTest checks it too, through
 * ProcessDriver.)
 */
@QuarkusTest
class WorkItemsMatchTheEngineTest {

    @Inject
    ProcessDriver process;

    @Inject
    ReadModel readModel;

    @Inject
    TaskService tasks;

    @Inject
    EngineDoor engine;

    @BeforeEach
    void mondayMorning() {
        setNewYorkTime("2026-11-23T09:00");
    }

    @AfterEach
    void realTimeAgain() {
        ClockUtil.reset();
    }

    @Test
    void aSecondOpinionAlongItsLongestPath() {
        String caseId = Portal.submit("physician");
        process.readModelMatches(caseId);
        process.complete(caseId, "IntakeReview", "coordinator", Map.of("decision", "accept",
                "recordsComplete", false, "recordsInEnglish", false));
        process.complete(caseId, "RequestRecords", "coordinator", Map.of("missingRecords", "Pathology report"));
        process.fireTimer(caseId, "RecordsReminderDue");
        process.physicianUploadsRecords(caseId);
        process.complete(caseId, "CheckRecords", "coordinator", Map.of("recordsComplete", true, "recordsInEnglish", false));
        process.complete(caseId, "TranslateRecords", "coordinator", Map.of("translationDone", true));
        process.fireTimer(caseId, "OpinionLate");
        process.complete(caseId, "SpecialistReview", "specialist", Map.of("opinionWritten", true));
        process.complete(caseId, "QualityCheck", "supervisor", Map.of("release", "revise", "revisionNote", "More."));
        process.complete(caseId, "SpecialistReview", "specialist", Map.of("opinionWritten", true));
        process.complete(caseId, "QualityCheck", "supervisor", Map.of("release", "release"));
        given().auth().oauth2(Tokens.of("supervisor")).contentType("application/json")
                .body(Map.of("userId", "coordinator2")).when().post("/api/cases/" + caseId + "/owner")
                .then().statusCode(200);
        process.readModelMatches(caseId);
        assertThat(process.task(caseId, "FollowUpCall").getAssignee()).isEqualTo("coordinator2");
        process.complete(caseId, "FollowUpCall", "coordinator2", Map.of("patientReached", true));
        assertThat(process.isEnded(caseId)).isTrue();
        process.readModelMatches(caseId);
    }

    @Test
    void aSecondOpinionWithAnInterpreterALateFirstResponseAndAWithdrawal() {
        String caseId = Portal.submit("physician", "SECOND_OPINION", Map.of("preferredLanguage", "ru"));
        process.readModelMatches(caseId);
        process.fireTimer(caseId, "FirstResponseLate");
        process.complete(caseId, "ArrangeInterpreter", "coordinator", Map.of("interpreterArranged", true));
        given().auth().oauth2(Tokens.of("physician")).when().post("/api/portal/cases/" + caseId + "/withdraw")
                .then().statusCode(200);
        assertThat(process.isEnded(caseId)).isTrue();
        process.readModelMatches(caseId);
    }

    @Test
    void aTreatmentVisitFromIntakeToClosed() {
        String caseId = Portal.submit("physician", "TREATMENT", Map.of("timeZone", "Asia/Dubai"));
        process.readModelMatches(caseId);
        process.complete(caseId, "IntakeReview", "coordinator", Map.of("decision", "accept", "visaLetterNeeded", true));
        process.complete(caseId, "MedicalReview", "specialist", Map.of("medicalDecision", "accept",
                "medicalReason", "We can treat this."));
        process.complete(caseId, "CostEstimate", "finance", Map.of("estimateAmount", 48_000,
                "plannedAdmission", "2026-12-14"));
        process.fireTimer(caseId, "DepositReminderDue");
        given().auth().oauth2(Tokens.of("finance")).when().post("/api/cases/" + caseId + "/deposit")
                .then().statusCode(200);
        process.readModelMatches(caseId);
        process.complete(caseId, "VisaInvitation", "coordinator", Map.of("visaLetterSent", true));
        process.complete(caseId, "BookAppointments", "coordinator", Map.of("arrivalDate", "2026-12-13",
                "firstAppointment", "2026-12-14T09:00", "appointmentsNote", "Clinic"));
        process.complete(caseId, "ArrangeTravel", "coordinator", Map.of("lodgingBooked", true,
                "interpreterBooked", true));
        process.fireTimer(caseId, "PreArrivalReminderDue");
        given().auth().oauth2(Tokens.of("coordinator")).when().post("/api/cases/" + caseId + "/arrival")
                .then().statusCode(200);
        process.readModelMatches(caseId);
        process.complete(caseId, "CoordinateVisit", "coordinator", Map.of("discharged", true));
        process.complete(caseId, "DischargeSummary", "specialist", Map.of("summaryWritten", true));
        process.complete(caseId, "FollowUpCall", "coordinator", Map.of("patientReached", true));
        assertThat(process.isEnded(caseId)).isTrue();
        process.readModelMatches(caseId);
    }

    @Test
    void aTreatmentVisitWhoseDepositNeverComes() {
        String caseId = Portal.submit("physician", "TREATMENT");
        process.complete(caseId, "IntakeReview", "coordinator", Map.of("decision", "accept", "visaLetterNeeded", false));
        process.complete(caseId, "MedicalReview", "specialist", Map.of("medicalDecision", "accept",
                "medicalReason", "Yes."));
        process.complete(caseId, "CostEstimate", "finance", Map.of("estimateAmount", 1_000,
                "plannedAdmission", "2026-12-14"));
        process.fireTimer(caseId, "DepositDeadlinePassed");
        assertThat(process.isEnded(caseId)).isTrue();
    }

    @Test
    void dueDateFollowUpDatePriorityAndCandidateGroupsChangedAtRunTimeAreFollowed() {
        String caseId = Portal.submit("physician");
        Task task = process.task(caseId, "IntakeReview");
        Instant due = Instant.parse("2026-11-30T15:00:00Z");

        // changed through Camunda's own API: the task's update event reaches the read model
        QuarkusTransaction.requiringNew().run(() -> {
            Task t = tasks.createTaskQuery().taskId(task.getId()).singleResult();
            t.setDueDate(Date.from(due));
            t.setPriority(80);
            tasks.saveTask(t);
        });
        process.readModelMatches(caseId);
        QuarkusTransaction.requiringNew().run(() -> engine.followUp(task.getId(), Instant.parse("2026-11-25T14:00:00Z")));
        process.readModelMatches(caseId);

        // candidate groups change through the engine door only, which brings the row in step
        QuarkusTransaction.requiringNew().run(() -> engine.addCandidateGroup(task.getId(), "supervisor"));
        process.readModelMatches(caseId);
        assertThat(given().auth().oauth2(Tokens.of("supervisor")).queryParam("caseId", caseId)
                .when().get("/api/inbox/tasks").then().statusCode(200).extract().jsonPath().getList("items.id"))
                .as("a group added at run time opens the task to that group's inbox").containsExactly(task.getId());
        QuarkusTransaction.requiringNew().run(() -> engine.removeCandidateGroup(task.getId(), "supervisor"));
        process.readModelMatches(caseId);
        assertThat(given().auth().oauth2(Tokens.of("supervisor")).queryParam("caseId", caseId)
                .when().get("/api/inbox/tasks").then().statusCode(200).extract().jsonPath().getList("items.id"))
                .isEmpty();
    }

    @Test
    void anAdminsRebuildWritesTheSameTableAgain() {
        String open = Portal.submit("physician");
        process.complete(open, "IntakeReview", "coordinator", Map.of("decision", "accept",
                "recordsComplete", true, "recordsInEnglish", true));
        readModel.assertMatchesEngineEverywhere();

        // the trail is stamped by the service's one clock, the engine's, which this class holds on a Monday morning
        String before = ClockUtil.getCurrentTime().toInstant().minusSeconds(1).toString();
        int rebuilt = given().auth().oauth2(Tokens.of("admin")).when().post("/api/admin/work-items/rebuild")
                .then().statusCode(200).extract().path("workItems");
        assertThat((long) rebuilt).isEqualTo(QuarkusTransaction.requiringNew().call(() -> tasks.createTaskQuery().count()));
        readModel.assertMatchesEngineEverywhere();
        // the admin's own reads of the trail, by other tests of this run, must not push the rebuild off the page
        given().auth().oauth2(Tokens.of("admin")).queryParam("user", "admin").queryParam("from", before)
                .when().get("/api/audit")
                .then().statusCode(200).body("items.action", org.hamcrest.Matchers.hasItem("WORK_ITEMS_REBUILT"));
        given().auth().oauth2(Tokens.of("coordinator")).when().post("/api/admin/work-items/rebuild")
                .then().statusCode(403);
    }
}
