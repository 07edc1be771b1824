package org.ipc.inbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.util.List;
import java.util.Map;

import org.ipc.testing.Portal;
import org.ipc.testing.ProcessDriver;
import org.ipc.testing.SampleFiles;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** The staff's case page data, the process drawing, queue counts, delegation and the process filter. */
@QuarkusTest
class CaseViewAndQueuesTest {

    @Inject
    ProcessDriver process;

    @Test
    void theCaseViewShowsPatientDocumentsConversationNotesTimelineAndCurrentStep() {
        String caseId = Portal.submit("physician");
        given().auth().oauth2(Tokens.of("physician")).multiPart("file", "labs.txt", SampleFiles.text(), "text/plain")
                .when().post("/api/portal/cases/" + caseId + "/documents").then().statusCode(201);
        given().auth().oauth2(Tokens.of("physician")).contentType(ContentType.JSON).body(Map.of("body", "Hello"))
                .when().post("/api/portal/cases/" + caseId + "/messages").then().statusCode(201);
        process.complete(caseId, "IntakeReview", "coordinator", Map.of("decision", "accept", "recordsComplete", false,
                "recordsInEnglish", true));

        given().auth().oauth2(Tokens.of("coordinator")).when().get("/api/cases/" + caseId)
                .then().statusCode(200)
                .body("patient.familyName", equalTo("Souza"))
                .body("referringPhysician.email", equalTo("physician@example.com"))
                .body("owner", equalTo("coordinator"))
                .body("documents.fileName", equalTo(List.of("labs.txt")))
                .body("messages.body", equalTo(List.of("Hello")))
                .body("currentSteps.id", equalTo(List.of("RequestRecords")))
                .body("currentSteps.name", equalTo(List.of("Write the records request")))
                .body("openTasks.taskKey", equalTo(List.of("RequestRecords")))
                .body("timeline.kind", hasItems("STATUS", "EVENT", "TASK_CREATED", "TASK_COMPLETED"))
                .body("timeline.what", hasItems("SUBMITTED", "RECORDS_REQUESTED", "Intake review"));

        String svg = given().auth().oauth2(Tokens.of("coordinator")).when().get("/api/cases/" + caseId + "/diagram")
                .then().statusCode(200).contentType("image/svg+xml").extract().asString();
        assertThat(svg).startsWith("<svg").contains("data-element-id=\"RequestRecords\" class=\"current\"")
                .doesNotContain("data-element-id=\"IntakeReview\" class=\"current\"");
    }

    @Test
    void physiciansAndSpecialistsDoNotGetTheStaffCaseView() {
        String caseId = Portal.submit("physician");
        given().auth().oauth2(Tokens.of("physician")).when().get("/api/cases/" + caseId).then().statusCode(403);
        given().auth().oauth2(Tokens.of("coordinator")).when().get("/api/cases/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404);
    }

    @Test
    void queueCountsAreTheCallersGroups() {
        Portal.submit("physician");
        given().auth().oauth2(Tokens.of("coordinator")).when().get("/api/inbox/tasks/queues")
                .then().statusCode(200)
                .body("queues.group", hasItems("coordinator", "coordinator:pt", "coordinator:es"))
                .body("queues.find { it.group == 'coordinator:pt' }.unassigned", org.hamcrest.Matchers.greaterThan(0));
        given().auth().oauth2(Tokens.of("finance")).when().get("/api/inbox/tasks/queues")
                .then().statusCode(200).body("queues.group", equalTo(List.of("finance")));
    }

    @Test
    void aHolderHandsATaskToAColleague() {
        String caseId = Portal.submit("physician");
        String taskId = process.task(caseId, "IntakeReview").getId();
        delegate("coordinator", taskId, "someone-never-signed-in").statusCode(400).body("errors.field", hasItem("userId"));
        // a colleague is known by name once they have signed in (the staff directory is filled from the token)
        given().auth().oauth2(Tokens.of("coordinator2")).when().get("/api/inbox/tasks/queues").then().statusCode(200);
        delegate("coordinator", taskId, "coordinator2").statusCode(409).body("detail", containsString("Claim"));
        given().auth().oauth2(Tokens.of("coordinator")).when().post("/api/inbox/tasks/" + taskId + "/claim")
                .then().statusCode(200);
        delegate("coordinator2", taskId, "coordinator2").statusCode(409);
        delegate("coordinator", taskId, "coordinator2").statusCode(200).body("assignee", equalTo("coordinator2"))
                .body("assigneeName", equalTo("Coordinator2"));
        given().auth().oauth2(Tokens.of("coordinator2")).queryParam("assignee", "me").queryParam("caseId", caseId)
                .when().get("/api/inbox/tasks").then().statusCode(200).body("items.id", hasItem(taskId));
        delegate("coordinator2", taskId, " ").statusCode(400).body("errors.field", hasItem("userId"));
    }

    @Test
    void tasksFilterByProcess() {
        String treatment = Portal.submit("physician", "TREATMENT");
        given().auth().oauth2(Tokens.of("coordinator")).queryParam("process", "treatment-visit")
                .queryParam("caseId", treatment).when().get("/api/inbox/tasks")
                .then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(Tokens.of("coordinator")).queryParam("process", "second-opinion")
                .queryParam("caseId", treatment).when().get("/api/inbox/tasks")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(Tokens.of("coordinator")).queryParam("process", "knitting")
                .when().get("/api/inbox/tasks").then().statusCode(400).body("errors.field", hasItem("process"));
    }

    private static io.restassured.response.ValidatableResponse delegate(String user, String taskId, String to) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(Map.of("userId", to))
                .when().post("/api/inbox/tasks/" + taskId + "/delegate").then();
    }
}
