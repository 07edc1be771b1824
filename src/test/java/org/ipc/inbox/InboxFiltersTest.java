package org.ipc.inbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.ipc.testing.Portal;
import org.ipc.testing.ProcessDriver;
import org.ipc.testing.Tokens;
import org.ipc.workflow.EngineDoor;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The inbox's search and follow-up filters over the task read model, with the case's data each task carries. */
@QuarkusTest
class InboxFiltersTest {

    @Inject
    ProcessDriver process;

    @Inject
    EngineDoor engine;

    @Test
    void staffFindATaskByItsPatientsNameOrFamilyNameFromTheStartCaseBlind() {
        String caseId = Portal.submit("physician", "SECOND_OPINION", Map.of("givenName", "Teodora",
                "familyName", "Quintanilha Reis"));
        String taskId = process.task(caseId, "IntakeReview").getId();

        assertThat(ids(Map.of("patient", "quintanilha"))).contains(taskId);
        assertThat(ids(Map.of("patient", "TEODORA QUIN"))).contains(taskId);
        assertThat(ids(Map.of("patient", "Reis"))).as("a middle word of the name is not a start").doesNotContain(taskId);
        assertThat(ids(Map.of("patient", "quintanilhax"))).doesNotContain(taskId);
        given().auth().oauth2(Tokens.of("coordinator")).queryParam("patient", "quintanilha")
                .when().get("/api/inbox/tasks").then().statusCode(200)
                .body("items.find { it.id == '" + taskId + "' }.patientName", equalTo("Teodora Quintanilha Reis"))
                .body("items.find { it.id == '" + taskId + "' }.caseStatus", equalTo("SUBMITTED"))
                .body("items.find { it.id == '" + taskId + "' }.urgency", equalTo("ROUTINE"));
    }

    @Test
    void aCaseReferenceFindsItsTasksAndTheTotalCountsThem() {
        String caseId = Portal.submit("physician", "SECOND_OPINION", Map.of("preferredLanguage", "ru"));
        String reference = Portal.referenceOf(caseId);
        given().auth().oauth2(Tokens.of("coordinator")).queryParam("reference", reference)
                .when().get("/api/inbox/tasks").then().statusCode(200).body("total", equalTo(2))
                .body("items.taskKey", org.hamcrest.Matchers.containsInAnyOrder("ArrangeInterpreter", "IntakeReview"));
    }

    @Test
    void aTaskSetAsideLeavesTheDefaultViewUntilItsFollowUpDate() {
        String caseId = Portal.submit("physician");
        String taskId = process.task(caseId, "IntakeReview").getId();
        assertThat(ids(Map.of("caseId", caseId))).contains(taskId);
        assertThat(ids(Map.of("followUp", "due", "caseId", caseId))).isEmpty();
        assertThat(ids(Map.of("followUp", "none", "caseId", caseId))).contains(taskId);

        QuarkusTransaction.requiringNew().run(() -> engine.followUp(taskId, Instant.now().minus(1, ChronoUnit.HOURS), "coordinator"));
        assertThat(ids(Map.of("followUp", "due", "caseId", caseId))).containsExactly(taskId);
        assertThat(ids(Map.of("followUp", "waiting", "caseId", caseId))).isEmpty();
        assertThat(ids(Map.of("caseId", caseId))).as("its date has come: back in the default view").contains(taskId);

        QuarkusTransaction.requiringNew().run(() -> engine.followUp(taskId, Instant.now().plus(2, ChronoUnit.DAYS), "coordinator"));
        assertThat(ids(Map.of("followUp", "due", "caseId", caseId))).isEmpty();
        assertThat(ids(Map.of("followUp", "waiting", "caseId", caseId))).containsExactly(taskId);
        assertThat(ids(Map.of("caseId", caseId))).as("set aside: out of the default view").doesNotContain(taskId);
        assertThat(ids(Map.of("followUp", "any", "caseId", caseId))).contains(taskId);
    }

    @Test
    void badSearchValuesAreNamed() {
        given().auth().oauth2(Tokens.of("coordinator")).queryParam("patient", "q").queryParam("reference", "42")
                .queryParam("followUp", "soon").when().get("/api/inbox/tasks").then().statusCode(400)
                .body("errors.field", hasItem("patient")).body("errors.field", hasItem("reference"))
                .body("errors.field", hasItem("followUp"));
    }

    private static List<String> ids(Map<String, String> query) {
        return given().auth().oauth2(Tokens.of("coordinator")).queryParams(query).queryParam("size", 100)
                .when().get("/api/inbox/tasks").then().statusCode(200).extract().jsonPath().getList("items.id");
    }
}
