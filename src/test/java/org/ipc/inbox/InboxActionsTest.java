package org.ipc.inbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.ipc.testing.Inbox;
import org.ipc.testing.Portal;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.TaskService;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Claiming, unclaiming and completing tasks: who may, and what a wrong form gets. */
@QuarkusTest
class InboxActionsTest {

    @Inject
    TaskService tasks;

    private String caseId;
    private String taskId;

    @BeforeEach
    void openIntakeTask() {
        caseId = Portal.submit("physician");
        taskId = (String) Inbox.intakeTaskOf(caseId).get("id");
    }

    @Test
    void secondClaimIsA409ThatSaysWhoHasTheTask() {
        action("coordinator", "claim").statusCode(200);
        action("coordinator2", "claim").statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("Coordinator"));
    }

    @Test
    void claimingOnesOwnTaskAgainIsHarmless() {
        action("coordinator", "claim").statusCode(200);
        action("coordinator", "claim").statusCode(200).body("assignee", equalTo("coordinator"));
    }

    @Test
    void completingAnUnclaimedTaskIsA409() {
        complete("coordinator", Map.of("decision", "accept")).statusCode(409)
                .body("detail", containsString("Claim"));
    }

    @Test
    void completingSomeoneElsesTaskIsA409() {
        action("coordinator", "claim").statusCode(200);
        complete("coordinator2", Map.of("decision", "accept")).statusCode(409)
                .body("detail", containsString("Coordinator"));
    }

    @Test
    void missingFormFieldIsA400NamingIt() {
        action("coordinator", "claim").statusCode(200);
        complete("coordinator", Map.of()).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("variables.decision", "variables.recordsComplete",
                        "variables.recordsInEnglish")))
                .body("errors.message", everyItem(equalTo("is required")));
        assertTaskStillOpen();
    }

    @Test
    void wrongChoiceAndUnknownFieldAreNamed() {
        action("coordinator", "claim").statusCode(200);
        complete("coordinator", Map.of("decision", "maybe", "mood", "happy")).statusCode(400)
                .body("errors.field", hasItem("variables.decision"))
                .body("errors.field", hasItem("variables.mood"))
                .body("errors.find { it.field == 'variables.decision' }.message", containsString("accept"));
        assertTaskStillOpen();
    }

    @Test
    void wrongTypeIsNamed() {
        action("coordinator", "claim").statusCode(200);
        complete("coordinator", Map.of("decision", true)).statusCode(400)
                .body("errors.field", hasItem("variables.decision"));
        assertTaskStillOpen();
    }

    @Test
    void taskDetailsShowTheDeclaredForm() {
        given().auth().oauth2(Tokens.of("coordinator"))
                .when().get("/api/inbox/tasks/" + taskId)
                .then().statusCode(200)
                .body("task.taskKey", equalTo("IntakeReview"))
                .body("form[0].id", equalTo("decision"))
                .body("form[0].type", equalTo("enum"))
                .body("form[0].required", equalTo(true))
                .body("form[0].choices.accept", equalTo("Accept"));
    }

    @Test
    void unclaimReturnsTheTaskToTheQueue() {
        action("coordinator", "claim").statusCode(200);
        action("coordinator2", "unclaim").statusCode(409);
        action("coordinator", "unclaim").statusCode(200).body("assignee", nullValue());
        action("coordinator2", "claim").statusCode(200).body("assignee", equalTo("coordinator2"));
    }

    @Test
    void taskOutsideTheCallersGroupsIsNotFound() {
        action("specialist", "claim").statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("specialist")).when().get("/api/inbox/tasks/" + taskId)
                .then().statusCode(404);
    }

    @Test
    void unknownTaskIsNotFound() {
        given().auth().oauth2(Tokens.of("coordinator"))
                .when().post("/api/inbox/tasks/no-such-task/claim")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void filtersByAssigneeAndLanguage() {
        action("coordinator", "claim").statusCode(200);

        assertThat(taskIds("coordinator", Map.of("assignee", "me"))).contains(taskId);
        assertThat(taskIds("coordinator", Map.of("assignee", "unassigned"))).doesNotContain(taskId);
        assertThat(taskIds("coordinator2", Map.of())).doesNotContain(taskId);
        assertThat(taskIds("coordinator", Map.of("language", "pt"))).contains(taskId);
        assertThat(taskIds("coordinator", Map.of("language", "ar"))).doesNotContain(taskId);
        assertThat(taskIds("coordinator", Map.of("department", "cancer-center"))).contains(taskId);
        assertThat(taskIds("coordinator", Map.of("overdue", "true"))).doesNotContain(taskId);
        assertThat(taskIds("coordinator", Map.of("overdue", "false"))).contains(taskId);
    }

    @Test
    void badFilterValuesAreNamed() {
        given().auth().oauth2(Tokens.of("coordinator"))
                .queryParam("assignee", "everyone").queryParam("size", 1000)
                .when().get("/api/inbox/tasks")
                .then().statusCode(400)
                .body("errors.field", hasItem("assignee"))
                .body("errors.field", hasItem("size"));
    }

    @Test
    void theTotalOfTheDefaultViewAgreesWithCamundasOwnCount() {
        action("coordinator", "claim").statusCode(200);
        Portal.submit("physician");
        long expected = QuarkusTransaction.requiringNew().call(() -> tasks.createTaskQuery().active()
                .or().taskAssignee("coordinator")
                .taskCandidateGroupIn(List.of("coordinator", "coordinator:en", "coordinator:es", "coordinator:pt",
                        "coordinator:zh"))
                .endOr().count());
        long total = given().auth().oauth2(Tokens.of("coordinator")).when().get("/api/inbox/tasks")
                .then().statusCode(200).extract().jsonPath().getLong("total");
        assertThat(total).isEqualTo(expected);
        long mine = given().auth().oauth2(Tokens.of("coordinator")).queryParam("assignee", "me")
                .when().get("/api/inbox/tasks").then().statusCode(200).extract().jsonPath().getLong("total");
        assertThat(mine).isEqualTo(QuarkusTransaction.requiringNew().call(
                () -> tasks.createTaskQuery().active().taskAssignee("coordinator").count()));
    }

    @Test
    void listIsSortedByDueDate() {
        List<String> dues = given().auth().oauth2(Tokens.of("coordinator")).queryParam("size", 100)
                .when().get("/api/inbox/tasks")
                .then().statusCode(200).extract().jsonPath().getList("items.due");
        assertThat(dues).isNotEmpty().doesNotContainNull();
        assertThat(dues.stream().map(Instant::parse).toList()).isSorted();
    }

    private List<String> taskIds(String user, Map<String, String> query) {
        return given().auth().oauth2(Tokens.of(user)).queryParams(query).queryParam("caseId", caseId)
                .when().get("/api/inbox/tasks")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    private void assertTaskStillOpen() {
        given().auth().oauth2(Tokens.of("coordinator")).when().get("/api/inbox/tasks/" + taskId)
                .then().statusCode(200).body("task.assignee", equalTo("coordinator"));
    }

    private ValidatableResponse action(String user, String action) {
        return given().auth().oauth2(Tokens.of(user))
                .when().post("/api/inbox/tasks/" + taskId + "/" + action)
                .then();
    }

    private ValidatableResponse complete(String user, Map<String, Object> variables) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON)
                .body(Map.of("variables", variables))
                .when().post("/api/inbox/tasks/" + taskId + "/complete")
                .then();
    }
}
