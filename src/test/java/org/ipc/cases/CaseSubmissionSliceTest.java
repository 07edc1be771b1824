package org.ipc.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.ipc.testing.CaseRequests;
import org.ipc.testing.Inbox;
import org.ipc.testing.Portal;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The first end-to-end slice: a physician's case becomes a coordinator's task, and the case moves with it. */
@QuarkusTest
class CaseSubmissionSliceTest {

    @Test
    void physiciansCaseBecomesCoordinatorsIntakeTaskAndMovesOnWhenCompleted() {
        // given a physician submits a second-opinion case
        JsonPath created = given().auth().oauth2(Tokens.of("physician"))
                .contentType(ContentType.JSON).body(CaseRequests.secondOpinion())
                .when().post("/api/portal/cases")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/portal/cases/[0-9a-f-]{36}"))
                .body("reference", matchesPattern("IPC-\\d{4}-\\d{6}"))
                .body("status", equalTo("SUBMITTED"))
                .body("type", equalTo("SECOND_OPINION"))
                .body("department", equalTo("cancer-center"))
                .body("patient.preferredLanguage", equalTo("pt-BR"))
                .body("patient.countryOfResidence", equalTo("BR"))
                .body("createdAt", notNullValue())
                .extract().jsonPath();
        String caseId = created.getString("id");
        String reference = created.getString("reference");

        // then the physician sees it, acknowledged by the process
        given().auth().oauth2(Tokens.of("physician"))
                .when().get("/api/portal/cases/" + caseId)
                .then().statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("acknowledgement.at", notNullValue())
                .body("acknowledgement.message", containsString(reference))
                .body("history.status", equalTo(List.of("SUBMITTED")));

        // and a coordinator finds the intake task with the case reference, language and due date
        Map<String, Object> task = Inbox.intakeTaskOf(reference);
        assertThat(task).containsEntry("taskKey", "IntakeReview")
                .containsEntry("caseId", caseId)
                .containsEntry("language", "pt-BR")
                .containsEntry("department", "cancer-center")
                .containsEntry("overdue", false)
                .containsEntry("candidateGroups", List.of("coordinator:pt"));
        assertThat(task.get("assignee")).isNull();
        Instant created1 = Instant.parse((String) task.get("created"));
        Instant due = Instant.parse((String) task.get("due"));
        assertThat(Duration.between(created1, due)).isPositive();
        String taskId = (String) task.get("id");

        // when the coordinator claims it and completes it, accepting the case
        given().auth().oauth2(Tokens.of("coordinator"))
                .when().post("/api/inbox/tasks/" + taskId + "/claim")
                .then().statusCode(200).body("assignee", equalTo("coordinator"));
        given().auth().oauth2(Tokens.of("coordinator")).contentType(ContentType.JSON)
                .body(Map.of("variables", Map.of("decision", "accept", "recordsComplete", true, "recordsInEnglish", true)))
                .when().post("/api/inbox/tasks/" + taskId + "/complete")
                .then().statusCode(200)
                .body("caseId", equalTo(caseId))
                .body("caseStatus", equalTo("UNDER_REVIEW"));

        // then the case is under review for the physician, with its history
        given().auth().oauth2(Tokens.of("physician"))
                .when().get("/api/portal/cases/" + caseId)
                .then().statusCode(200)
                .body("status", equalTo("UNDER_REVIEW"))
                .body("history.status", equalTo(List.of("SUBMITTED", "UNDER_REVIEW")));

        // and the specialists' inbox holds the review, no longer the coordinators'
        given().auth().oauth2(Tokens.of("specialist"))
                .queryParam("caseId", caseId)
                .when().get("/api/inbox/tasks")
                .then().statusCode(200)
                .body("items.findAll { it.caseReference == '" + reference + "' }.taskKey",
                        equalTo(List.of("SpecialistReview")));
        given().auth().oauth2(Tokens.of("coordinator"))
                .queryParam("caseId", caseId)
                .when().get("/api/inbox/tasks")
                .then().statusCode(200)
                .body("items.findAll { it.caseReference == '" + reference + "' }", equalTo(List.of()));
    }

    @Test
    void locationHeaderLeadsToTheCreatedCase() {
        String location = given().auth().oauth2(Tokens.of("physician"))
                .contentType(ContentType.JSON).body(CaseRequests.ofType("TREATMENT"))
                .when().post("/api/portal/cases")
                .then().statusCode(201).extract().header("Location");

        given().auth().oauth2(Tokens.of("physician"))
                .when().get(location)
                .then().statusCode(200)
                .body("type", equalTo("TREATMENT"))
                .body("id", notNullValue())
                .contentType(ContentType.JSON);
    }

    @Test
    void thePhysiciansProfileComesFromTheToken() {
        Portal.submit("physician2");
        var physician = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(
                () -> org.ipc.physicians.ReferringPhysician.findBySubject("physician2").orElseThrow());
        assertThat(physician.displayName).isEqualTo("Physician2");
        assertThat(physician.email).isEqualTo("physician2@example.com");
    }

    @Test
    void physicianFiltersOwnCasesByStatus() {
        String declined = Portal.submit("physician");
        String taskId = (String) Inbox.intakeTaskOf(declined).get("id");
        given().auth().oauth2(Tokens.of("coordinator")).when().post("/api/inbox/tasks/" + taskId + "/claim")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.of("coordinator")).contentType(ContentType.JSON)
                .body(Map.of("variables", Map.of("decision", "decline", "recordsComplete", false, "recordsInEnglish", true)))
                .when().post("/api/inbox/tasks/" + taskId + "/complete").then().statusCode(200);

        List<String> declinedIds = given().auth().oauth2(Tokens.of("physician")).queryParam("status", "DECLINED")
                .queryParam("size", 100).when().get("/api/portal/cases")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(declinedIds).contains(declined);
        List<String> statuses = given().auth().oauth2(Tokens.of("physician")).queryParam("status", "DECLINED")
                .queryParam("size", 100).when().get("/api/portal/cases")
                .then().statusCode(200).extract().jsonPath().getList("items.status");
        assertThat(statuses).containsOnly("DECLINED");
        given().auth().oauth2(Tokens.of("physician")).queryParam("status", "LOST")
                .when().get("/api/portal/cases").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void physicianListsOwnCasesNewestFirst() {
        String first = Portal.submit("physician");
        String second = Portal.submit("physician");

        List<String> ids = given().auth().oauth2(Tokens.of("physician"))
                .queryParam("size", 100)
                .when().get("/api/portal/cases")
                .then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        assertThat(ids).containsSubsequence(second, first);
    }
}
