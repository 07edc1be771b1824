package org.ipc.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.ipc.testing.Inbox;
import org.ipc.testing.Portal;
import org.ipc.testing.SampleFiles;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;

/** Every read or change of a case's data leaves an audit row: who, role, what, when, request and address. */
@QuarkusTest
class AuditTrailTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aCaseFromSubmissionToTheCoordinatorsViewLeavesOneRowPerAccess() {
        String caseId = Portal.submit("physician");
        as("physician", "portal-read-1").get("/api/portal/cases/" + caseId).then().statusCode(200);
        as("physician", "portal-list-1").get("/api/portal/cases").then().statusCode(200);
        as("physician", "upload-1").multiPart("file", "a.pdf", SampleFiles.pdf(), "application/pdf")
                .multiPart("kind", "IMAGING_REPORT").post("/api/portal/cases/" + caseId + "/documents")
                .then().statusCode(201);
        as("physician", "message-1").contentType(ContentType.JSON).body(Map.of("body", "Slides follow."))
                .post("/api/portal/cases/" + caseId + "/messages").then().statusCode(201);
        String taskId = (String) Inbox.intakeTaskOf(caseId).get("id");
        as("coordinator", "task-read-1").get("/api/inbox/tasks/" + taskId).then().statusCode(200);
        as("coordinator", "claim-1").post("/api/inbox/tasks/" + taskId + "/claim").then().statusCode(200);
        as("coordinator", "bad-complete-1").contentType(ContentType.JSON)
                .body(Map.of("variables", Map.of("decision", "maybe")))
                .post("/api/inbox/tasks/" + taskId + "/complete").then().statusCode(400);
        as("coordinator", "case-view-1").get("/api/cases/" + caseId).then().statusCode(200);
        String documentId = as("coordinator", "docs-1").get("/api/cases/" + caseId + "/documents").then()
                .statusCode(200).extract().path("items[0].id");
        as("coordinator", "download-1").get("/api/cases/" + caseId + "/documents/" + documentId).then()
                .statusCode(200);

        JsonPath trail = as("admin", "audit-1").queryParam("caseId", caseId).queryParam("size", 100)
                .get("/api/audit").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> rows = trail.getList("items");
        assertThat(rows).extracting(r -> r.get("action") + " " + r.get("requestId")).containsExactlyInAnyOrder(
                "CASE_SUBMITTED " + rows.stream().filter(r -> r.get("action").equals("CASE_SUBMITTED"))
                        .findFirst().orElseThrow().get("requestId"),
                "CASE_READ portal-read-1", "DOCUMENT_UPLOADED upload-1", "MESSAGE_SENT message-1",
                "TASK_READ task-read-1", "TASK_CLAIMED claim-1", "CASE_READ case-view-1", "DOCUMENTS_LISTED docs-1",
                "DOCUMENT_DOWNLOADED download-1");
        assertThat(rows).as("a change that failed left no row: it was written in its transaction")
                .noneMatch(r -> "bad-complete-1".equals(r.get("requestId")));
        Map<String, Object> claim = rows.stream().filter(r -> r.get("action").equals("TASK_CLAIMED")).findFirst()
                .orElseThrow();
        assertThat(claim.get("actor")).isEqualTo(subjectOf("coordinator"));
        assertThat(claim.get("roles")).isEqualTo("coordinator");
        assertThat(claim.get("target")).isEqualTo("task " + taskId);
        assertThat(claim.get("clientAddress")).isEqualTo("127.0.0.1");
        assertThat(Instant.parse((String) claim.get("at"))).isBefore(Instant.now().plusSeconds(5));
        assertThat(trail.getInt("total")).isEqualTo(rows.size());

        as("admin", "audit-2").queryParam("caseId", caseId).get("/api/audit").then().statusCode(200)
                .body("items[0].action", equalTo("AUDIT_READ")).body("items[0].requestId", equalTo("audit-1"))
                .body("items[0].roles", equalTo("admin"));
        as("physician", "portal-list-2").get("/api/portal/cases").then().statusCode(200);
        as("admin", "audit-3").queryParam("user", subjectOf("physician")).queryParam("size", 100)
                .get("/api/audit").then().statusCode(200)
                .body("items.requestId", hasItem("portal-list-2"))
                .body("items.find { it.requestId == 'portal-list-2' }.action", equalTo("CASES_LISTED"));
    }

    @Test
    void theTrailFiltersByTimeRangeAndPages() {
        String caseId = Portal.submit("physician");
        for (int i = 0; i < 3; i++) {
            as("physician", "paged-" + i).get("/api/portal/cases/" + caseId).then().statusCode(200);
        }
        as("admin", null).queryParam("caseId", caseId).queryParam("size", 2).get("/api/audit").then()
                .statusCode(200).body("items.size()", equalTo(2)).body("total", equalTo(4))
                .body("items[0].requestId", equalTo("paged-2"));
        as("admin", null).queryParam("caseId", caseId).queryParam("from", "2000-01-01T00:00:00Z")
                .queryParam("to", "2000-01-02T00:00:00Z").get("/api/audit").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void onlyAdminsReadTheTrailAndBadFiltersAreNamed() {
        for (String user : List.of("physician", "coordinator", "specialist", "finance", "supervisor")) {
            as(user, null).get("/api/audit").then().statusCode(403);
        }
        given().get("/api/audit").then().statusCode(401);
        as("admin", null).queryParam("caseId", "not-a-case").get("/api/audit").then().statusCode(400)
                .body("errors[0].field", equalTo("caseId"));
        as("admin", null).queryParam("from", "yesterday").get("/api/audit").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        as("admin", null).queryParam("from", "2026-11-23T10:00:00Z").queryParam("to", "2026-11-23T09:00:00Z")
                .get("/api/audit").then().statusCode(400).body("errors[0].field", equalTo("to"));
    }

    @Test
    void noApiAndNoStatementChangesOrDeletesARow() throws SQLException {
        Portal.submit("physician");
        as("admin", null).contentType(ContentType.JSON).body("{}").put("/api/audit").then().statusCode(405);
        as("admin", null).delete("/api/audit").then().statusCode(405);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("update audit_event set actor = 'someone else'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("delete from audit_event"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("truncate audit_event"))
                    .hasMessageContaining("append-only");
        }
    }

    private static io.restassured.specification.RequestSpecification as(String user, String requestId) {
        var spec = given().auth().oauth2(Tokens.of(user));
        return requestId == null ? spec : spec.header("X-Request-Id", requestId);
    }

    private static String subjectOf(String user) {
        String payload = Tokens.of(user).split("\\.")[1];
        return JsonPath.from(new String(java.util.Base64.getUrlDecoder().decode(payload))).getString("sub");
    }
}
