package org.ipc.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.ipc.testing.CaseRequests;
import org.ipc.testing.Portal;
import org.ipc.testing.ProcessDriver;
import org.ipc.testing.SampleFiles;
import org.ipc.testing.Tokens;
import org.ipc.testing.WebSession;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Issue 24's findings inside the office, each through the doors a person would use (the JSON API and the inbox
 * page): each role reaches the cases and the parts of a case its work needs and no more (access/AccessPolicy), visa
 * letters stay with those who issue them, generated papers are made only by the service, and one-line text holds no
 * line break. The whole matrix of routes and roles against the real realm is {@code SecurityMatrixTest}.
 */
@QuarkusTest
class LeastPrivilegeTest {

    @Inject
    ProcessDriver process;

    @Inject
    AgroalDataSource database;

    @TestHTTPResource("/")
    URL root;

    @Test
    void aSpecialistReachesOnlyTheCasesTheirDepartmentHasOrHadATaskOn() {
        String caseId = Portal.submit("physician");

        // no specialist task yet: not even the case's own department reaches it
        as("specialist").get(staff(caseId) + "/documents").then().statusCode(404);
        as("specialist").get(staff(caseId) + "/messages").then().statusCode(404);

        process.complete(caseId, "IntakeReview", "coordinator", Map.of("decision", "accept", "recordsComplete", true,
                "recordsInEnglish", true));
        as("specialist").get(staff(caseId) + "/documents").then().statusCode(200);
        // Neurology has no task on a Cancer Center case: the case is not there for them, by the API or the page
        as("specialist2").get(staff(caseId) + "/documents").then().statusCode(404);
        as("specialist2").get(staff(caseId) + "/messages").then().statusCode(404);
        as("specialist2").contentType(ContentType.JSON).body(Map.of("body", "Hello?"))
                .post(staff(caseId) + "/messages").then().statusCode(404);
        assertThat(page("specialist2", "/inbox/cases/" + caseId).statusCode()).isEqualTo(404);
        HttpResponse<String> own = page("specialist", "/inbox/cases/" + caseId);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("suspected lesion");

        // the review done, the department keeps reaching the case it worked on
        process.complete(caseId, "SpecialistReview", "specialist", Map.of("opinionWritten", true));
        as("specialist").get(staff(caseId) + "/messages").then().statusCode(200);
        as("specialist2").get(staff(caseId) + "/messages").then().statusCode(404);
    }

    @Test
    void financeSeesTheMoneySideOfCasesWithAFinanceTaskAndVisaLettersStayWithThoseWhoIssueThem() {
        String caseId = atCostEstimate();
        String record = given().auth().oauth2(Tokens.of("physician"))
                .multiPart("file", "records.pdf", SampleFiles.pdf(), "application/pdf")
                .post("/api/portal/cases/" + caseId + "/documents").then().statusCode(201).extract()
                .path("items[0].id");
        ProcessDriver.writeEstimate(caseId, LocalDate.now().plusDays(60).toString()).statusCode(201);
        String letter = ProcessDriver.issueVisaLetter(caseId, LocalDate.now().plusDays(55).toString(),
                LocalDate.now().plusDays(80).toString()).statusCode(201).extract().path("documentId");

        // finance: the estimate, not the records, not the letter with the passport numbers, not the conversation
        List<String> kinds = as("finance").get(staff(caseId) + "/documents").then().statusCode(200).extract()
                .jsonPath().getList("items.kind");
        assertThat(kinds).containsExactly("COST_ESTIMATE");
        as("finance").get(staff(caseId) + "/documents/" + letter).then().statusCode(404);
        as("finance").get(staff(caseId) + "/documents/" + record).then().statusCode(404);
        as("finance").get(staff(caseId) + "/messages").then().statusCode(403)
                .contentType("application/problem+json");
        assertThat(page("finance", "/inbox/cases/" + caseId + "/documents/" + letter).statusCode()).isEqualTo(404);
        HttpResponse<String> financePage = page("finance", "/inbox/cases/" + caseId);
        assertThat(financePage.statusCode()).isEqualTo(200);
        assertThat(financePage.body()).doesNotContain("suspected lesion").doesNotContain("records.pdf")
                .doesNotContain("visa-invitation-");

        // the department's specialist reads the records but not the letter; coordinators issue letters and read them
        as("specialist").get(staff(caseId) + "/documents/" + record).then().statusCode(200);
        as("specialist").get(staff(caseId) + "/documents/" + letter).then().statusCode(404);
        assertThat(as("specialist").get(staff(caseId) + "/documents").then().statusCode(200).extract().jsonPath()
                .<String>getList("items.kind")).doesNotContain("VISA_INVITATION", "COST_ESTIMATE");
        as("coordinator").get(staff(caseId) + "/documents/" + letter).then().statusCode(200);
        as("supervisor").get(staff(caseId) + "/documents").then().statusCode(200)
                .body("items.kind", hasItem("VISA_INVITATION"));

        // a case that never had a finance task is not finance's
        String secondOpinion = Portal.submit("physician");
        as("finance").get(staff(secondOpinion) + "/documents").then().statusCode(404);
        assertThat(page("finance", "/inbox/cases/" + secondOpinion).statusCode()).isEqualTo(404);
    }

    @Test
    void staffUploadOnlyTheKindsPeopleUploadNeverThePapersTheServiceMakes() {
        String caseId = Portal.submit("physician");
        for (String generated : List.of("VISA_INVITATION", "COST_ESTIMATE")) {
            as("coordinator").multiPart("file", "letter.pdf", SampleFiles.pdf(), "application/pdf")
                    .multiPart("kind", generated).post(staff(caseId) + "/documents").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("kind"));
        }
        as("coordinator").get(staff(caseId) + "/documents").then().statusCode(200).body("total", equalTo(0));
        as("coordinator").multiPart("file", "translation.pdf", SampleFiles.pdf(), "application/pdf")
                .multiPart("kind", "TRANSLATION").post(staff(caseId) + "/documents").then().statusCode(201);
    }

    @Test
    void oneLineTextHoldsNoLineBreakAtTheApiOrThePage() {
        Map<String, Object> request = CaseRequests.secondOpinion();
        @SuppressWarnings("unchecked")
        Map<String, Object> patient = (Map<String, Object>) request.get("patient");
        patient.put("givenName", "Ana\r\n\r\nYour deposit is overdue, pay to");
        as("physician").contentType(ContentType.JSON).body(request).post("/api/portal/cases").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("patient.givenName"));
        patient.put("givenName", "Ana");
        patient.put("familyName", "Souza\tX");
        as("physician").contentType(ContentType.JSON).body(request).post("/api/portal/cases").then().statusCode(400)
                .body("errors[0].field", equalTo("patient.familyName"));

        // the physicians' page says the same of the same name
        WebSession pages = WebSession.signIn(URI.create(root.toString()), "physician", "/portal", "en");
        Map<String, String> form = new HashMap<>(Map.of("type", "SECOND_OPINION", "department", "cancer-center",
                "urgency", "ROUTINE", "clinicalSummary", "Synthetic summary.", "givenName", "Ana\nDear X",
                "familyName", "Souza", "birthDate", "1968-04-02", "sex", "female", "countryOfResidence", "BR"));
        form.putAll(Map.of("preferredLanguage", "pt-BR", "timeZone", "America/Sao_Paulo",
                "csrf-token", pages.csrfField("/portal/cases/new")));
        HttpResponse<String> refused = pages.post("/portal/cases", form);
        assertThat(refused.statusCode()).isEqualTo(400);

        // a saved filter's name is one line too (the inbox page and the API share the rule)
        as("coordinator").contentType(ContentType.JSON).body(Map.of("name", "Mine\nand more"))
                .post("/api/inbox/filters").then().statusCode(400).body("errors[0].field", equalTo("name"));
    }

    @Test
    void casesWorkedBeforeTheirTasksWereRecordedAreReachedAsTheirHistorySays() throws Exception {
        // a case whose department reviewed it, and whose finance task is open, as migration 61 found them
        String caseId = atCostEstimate();
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("delete from case_task_group where case_id = '" + caseId + "'");
        }
        as("specialist").get(staff(caseId) + "/documents").then().statusCode(404);
        as("finance").get(staff(caseId) + "/documents").then().statusCode(404);

        // the migrations' own statements: the open tasks' groups, then the engine's history of finished ones
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            for (String migration : List.of("db/migration/V61__least_privilege.sql",
                    "org/ipc/workflow/schema/V61_1__case_task_groups_from_history.sql")) {
                String sql = new String(getClass().getClassLoader().getResourceAsStream(migration).readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
                for (String statement : sql.split(";")) {
                    if (statement.strip().startsWith("insert")) {
                        s.executeUpdate(statement);
                    }
                }
            }
        }
        as("specialist").get(staff(caseId) + "/documents").then().statusCode(200);
        as("finance").get(staff(caseId) + "/documents").then().statusCode(200);
        as("specialist2").get(staff(caseId) + "/documents").then().statusCode(404);
    }

    /** A treatment case whose department accepted it: finance holds its CostEstimate task. */
    private String atCostEstimate() {
        String caseId = Portal.submit("physician", "TREATMENT");
        process.complete(caseId, "IntakeReview", "coordinator", Map.of("decision", "accept", "visaLetterNeeded", true));
        process.complete(caseId, "MedicalReview", "specialist", Map.of("medicalDecision", "accept",
                "medicalReason", "We can treat this."));
        return caseId;
    }

    private HttpResponse<String> page(String user, String path) {
        return WebSession.signIn(URI.create(root.toString()), user).get(path);
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }

    private static String staff(String caseId) {
        return "/api/cases/" + caseId;
    }
}
