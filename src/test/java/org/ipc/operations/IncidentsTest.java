package org.ipc.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.ipc.audit.AuditAction;
import org.ipc.audit.AuditEvent;
import org.ipc.testing.FailingJobs;
import org.ipc.testing.Portal;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A job that really failed for good shows in GET /api/admin/incidents with its case reference, step, error class and
 * time, and nothing of its message or stack trace; POST .../retry gives it another try, after which the process goes
 * on and the incident is gone. Both are audited.
 */
@QuarkusTest
class IncidentsTest {

    @Inject
    FailingJobs failing;

    @Test
    void aFailedJobIsListedWithoutItsMessageAndRetriedUntilTheProcessGoesOn() {
        String caseId = Portal.submit("physician");
        String jobId = failing.failForGood(caseId);

        String body = given().auth().oauth2(Tokens.of("admin")).get("/api/admin/incidents?size=100")
                .then().statusCode(200).extract().asString();
        Map<String, Object> incident = JsonPath.from(body).<Map<String, Object>>getList("items").stream()
                .filter(i -> jobId.equals(i.get("id"))).findFirst().orElseThrow();
        assertThat(incident).containsEntry("caseId", caseId)
                .containsEntry("caseReference", Portal.referenceOf(caseId))
                .containsEntry("process", "incident-probe")
                .containsEntry("step", "Send records to the translator")
                .containsEntry("errorClass", "java.net.ConnectException")
                .containsKey("failedAt");
        assertThat(body).doesNotContain("+5511999990000", "Translator could not", "Connection refused", "at org.",
                "Exception:");

        given().auth().oauth2(Tokens.of("admin")).post("/api/admin/incidents/" + jobId + "/retry")
                .then().statusCode(202).body("id", equalTo(jobId)).body("caseReference", equalTo(Portal.referenceOf(caseId)));
        given().auth().oauth2(Tokens.of("admin")).get("/api/admin/incidents?size=100")
                .then().statusCode(200).body("items.id", not(hasItem(jobId)));
        assertThat(failing.runNow(jobId)).as("the retried step ran and the process ended").isTrue();

        List<AuditEvent> audit = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list(
                "action in ?1 order by occurredAt", List.of(AuditAction.INCIDENTS_LISTED, AuditAction.INCIDENT_RETRIED)));
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.action).isEqualTo(AuditAction.INCIDENT_RETRIED);
            assertThat(e.caseId).isEqualTo(UUID.fromString(caseId));
            assertThat(e.target).contains(jobId);
        }).anySatisfy(e -> assertThat(e.action).isEqualTo(AuditAction.INCIDENTS_LISTED));
    }

    @Test
    void retryingAnUnknownOrMalformedIncidentIsAClearProblem() {
        given().auth().oauth2(Tokens.of("admin")).post("/api/admin/incidents/" + UUID.randomUUID() + "/retry")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("admin")).post("/api/admin/incidents/no%20such%20id/retry")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("id"));
    }

    @Test
    void onlyAdminsSeeIncidents() {
        given().auth().oauth2(Tokens.of("coordinator")).get("/api/admin/incidents").then().statusCode(403);
        given().get("/api/admin/incidents").then().statusCode(401);
    }
}
