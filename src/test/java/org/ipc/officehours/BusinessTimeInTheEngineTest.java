package org.ipc.officehours;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ipc.testing.CaseRequests;
import org.ipc.testing.Inbox;
import org.ipc.testing.ProcessDriver;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** The processes keep office time: due dates, overdue flags, out-of-hours acknowledgements and call times. */
@QuarkusTest
class BusinessTimeInTheEngineTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Inject
    TaskService tasks;

    @Inject
    ManagementService management;

    @Inject
    ProcessEngine engine;

    @Inject
    ProcessDriver driver;

    @AfterEach
    void realTimeAgain() {
        ClockUtil.reset();
    }

    @Test
    void intakeSubmittedFridayAt16IsDueMondayAt16() {
        setNewYorkTime("2026-11-20T16:00");
        JsonPath created = submit(CaseRequests.secondOpinion());

        Map<String, Object> task = Inbox.intakeTaskOf(created.getString("reference"));
        assertThat(Instant.parse((String) task.get("due"))).isEqualTo(newYork("2026-11-23T16:00"));
        assertThat(task.get("overdue")).isEqualTo(false);

        setNewYorkTime("2026-11-23T16:01");
        List<String> overdue = given().auth().oauth2(Tokens.of("coordinator")).queryParam("overdue", "true")
                .queryParam("caseId", created.getString("id")).when().get("/api/inbox/tasks")
                .then().statusCode(200).extract().jsonPath().getList("items.caseReference");
        assertThat(overdue).contains(created.getString("reference"));
        assertThat(Inbox.intakeTaskOf(created.getString("reference")).get("overdue")).isEqualTo(true);
    }

    @Test
    void firstResponseTimerFiresAfterOneBusinessDayAndCallsASupervisor() {
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor()
                .isActive()).as("tests fire timers themselves").isFalse();
        setNewYorkTime("2026-11-25T16:00");
        String caseId = submit(CaseRequests.secondOpinion()).getString("id");

        Job timer = management.createJobQuery().processInstanceId(openTaskOf(caseId).getProcessInstanceId())
                .timers().singleResult();
        // Wednesday 16:00 plus one business day: Thanksgiving Thursday is closed, so Friday 16:00
        assertThat(timer.getDuedate().toInstant()).isEqualTo(newYork("2026-11-27T16:00"));

        setNewYorkTime("2026-11-27T16:01");
        management.executeJob(timer.getId());

        List<String> supervisorTasks = given().auth().oauth2(Tokens.of("supervisor")).queryParam("caseId", caseId)
                .when().get("/api/inbox/tasks")
                .then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.caseId == '" + caseId + "' }.taskKey");
        assertThat(supervisorTasks).containsExactly("LateFirstResponse");
        assertThat(tasks.createTaskQuery().processVariableValueEquals("caseId", caseId).taskDefinitionKey("IntakeReview")
                .count()).as("the intake review stays open").isEqualTo(1);
    }

    @Test
    void caseSentOnSaturdayIsAcknowledgedAtOnceWithMondaysOpeningInThePatientsZoneAndLanguage() {
        setNewYorkTime("2026-11-21T10:00");
        Map<String, Object> request = CaseRequests.secondOpinion();
        patientOf(request).put("preferredLanguage", "es-MX");
        patientOf(request).put("timeZone", "America/Mexico_City");
        patientOf(request).put("countryOfResidence", "MX");

        JsonPath created = submit(request);
        assertThat(created.getBoolean("acknowledgement.officeOpen")).isFalse();
        assertThat(created.getString("acknowledgement.officeOpensAt")).isEqualTo("2026-11-23T07:00-06:00");
        assertThat(created.getString("acknowledgement.language")).isEqualTo("es");
        assertThat(created.getString("acknowledgement.message"))
                .startsWith("Hemos recibido su solicitud " + created.getString("reference"))
                .contains("lunes").contains("America/Mexico_City")
                .doesNotContain("Synthetic summary");
    }

    @Test
    void arabicPatientIsAcknowledgedInArabic() {
        setNewYorkTime("2026-11-26T11:00");
        Map<String, Object> request = CaseRequests.secondOpinion();
        patientOf(request).put("preferredLanguage", "ar");
        patientOf(request).put("timeZone", "Asia/Riyadh");
        patientOf(request).put("countryOfResidence", "SA");

        JsonPath created = submit(request);
        assertThat(created.getBoolean("acknowledgement.officeOpen")).as("Thanksgiving").isFalse();
        assertThat(created.getString("acknowledgement.officeOpensAt")).isEqualTo("2026-11-27T16:00+03:00");
        assertThat(created.getString("acknowledgement.message")).startsWith("لقد تلقينا طلبك");
    }

    @Test
    void unsupportedLanguageFallsBackToEnglishAndOpenOfficeSaysSo() {
        setNewYorkTime("2026-11-24T10:00");
        Map<String, Object> request = CaseRequests.secondOpinion();
        patientOf(request).put("preferredLanguage", "fr");

        given().auth().oauth2(Tokens.of("physician")).contentType(ContentType.JSON).body(request)
                .when().post("/api/portal/cases")
                .then().statusCode(201)
                .body("acknowledgement.officeOpen", equalTo(true))
                .body("acknowledgement.language", equalTo("en"))
                .body("acknowledgement.message", containsString("within one business day"));
    }

    @Test
    void followUpCallIsDueWhenThePatientCanTakeIt() {
        setNewYorkTime("2026-11-23T09:00");
        Map<String, Object> request = CaseRequests.secondOpinion();
        patientOf(request).put("timeZone", "Pacific/Honolulu");
        patientOf(request).put("countryOfResidence", "US");
        String caseId = submit(request).getString("id");

        driver.complete(caseId, "IntakeReview", "coordinator", Map.of("decision", "accept",
                "recordsComplete", true, "recordsInEnglish", true));
        driver.complete(caseId, "SpecialistReview", "specialist", Map.of("opinionWritten", true));
        driver.complete(caseId, "QualityCheck", "supervisor", Map.of("release", "release"));

        Task call = openTaskOf(caseId);
        assertThat(call.getTaskDefinitionKey()).isEqualTo("FollowUpCall");
        // five office days after Monday 09:00 (Thanksgiving skipped) is Tuesday 09:00, 04:00 in Honolulu:
        // the call waits for 08:00 there, 13:00 in New York.
        assertThat(call.getDueDate().toInstant()).isEqualTo(newYork("2026-12-01T13:00"));
    }

    private Task openTaskOf(String caseId) {
        return tasks.createTaskQuery().processVariableValueEquals("caseId", caseId).singleResult();
    }

    private static JsonPath submit(Map<String, Object> request) {
        return given().auth().oauth2(Tokens.of("physician")).contentType(ContentType.JSON).body(request)
                .when().post("/api/portal/cases")
                .then().statusCode(201).extract().jsonPath();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> patientOf(Map<String, Object> request) {
        return (Map<String, Object>) request.get("patient");
    }

    private static void setNewYorkTime(String localDateTime) {
        ClockUtil.setCurrentTime(Date.from(newYork(localDateTime)));
    }

    private static Instant newYork(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
    }
}
