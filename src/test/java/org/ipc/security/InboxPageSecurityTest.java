package org.ipc.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.ipc.cases.CaseStatus;
import org.ipc.common.PlainText;
import org.ipc.testing.KeycloakProfile;
import org.ipc.testing.Portal;
import org.ipc.testing.ProcessDriver;
import org.ipc.testing.Tokens;
import org.ipc.testing.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The inbox page, signed in through the real realm: its forms only count with the CSRF field of the signed-in
 * user's own page, and its answers carry the security headers; the bearer-token API needs no such field.
 */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
class InboxPageSecurityTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    ProcessDriver process;

    @Test
    void aFormPostWithoutTheFieldOfTheUsersOwnPageIsRefusedAndChangesNothing() {
        String caseId = Portal.submit("physician");
        String taskId = process.task(caseId, "IntakeReview").getId();
        WebSession coordinator = WebSession.signIn(URI.create(root.toString()), "coordinator");
        WebSession colleague = WebSession.signIn(URI.create(root.toString()), "coordinator2");
        String claim = "/inbox/tasks/" + taskId + "/claim";

        assertRefused(coordinator.post(claim, Map.of()));
        assertRefused(coordinator.post(claim, Map.of("csrf-token", "forged")));
        // the field of another user's page does not fit this user's cookie
        String othersField = colleague.csrfField("/inbox/tasks/" + taskId);
        assertRefused(coordinator.post(claim, Map.of("csrf-token", othersField)));
        assertThat(process.task(caseId, "IntakeReview").getAssignee()).isNull();

        String field = coordinator.csrfField("/inbox/tasks/" + taskId);
        HttpResponse<String> claimed = coordinator.post(claim, Map.of("csrf-token", field));
        assertThat(claimed.statusCode()).isEqualTo(303);
        assertThat(process.task(caseId, "IntakeReview").getAssignee()).isNotNull();

        HttpResponse<String> completed = coordinator.post("/inbox/tasks/" + taskId + "/complete",
                WebSession.withCsrf(coordinator.csrfField("/inbox/tasks/" + taskId),
                        Map.of("decision", "accept", "recordsComplete", "true", "recordsInEnglish", "true")));
        assertThat(completed.statusCode()).isEqualTo(303);
        assertThat(completed.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/inbox/cases/" + caseId));
        assertThat(ProcessDriver.status(caseId)).isEqualTo(CaseStatus.UNDER_REVIEW);

        HttpResponse<String> message = coordinator.post("/inbox/cases/" + caseId + "/messages", Map.of("body", "Hi"));
        assertRefused(message);
        HttpResponse<String> sent = coordinator.post("/inbox/cases/" + caseId + "/messages", WebSession.withCsrf(
                coordinator.csrfField("/inbox/cases/" + caseId), Map.of("body", "We have your records.")));
        assertThat(sent.statusCode()).isEqualTo(303);
    }

    @Test
    void thePageRefusesAMessageWithControlCharactersForTheSameReasonAsTheApi() {
        String caseId = Portal.submit("physician");
        WebSession coordinator = WebSession.signIn(URI.create(root.toString()), "coordinator");
        String bell = "Please call the patient\u0007 today.";

        HttpResponse<String> refused = coordinator.post("/inbox/cases/" + caseId + "/messages", WebSession.withCsrf(
                coordinator.csrfField("/inbox/cases/" + caseId), Map.of("body", bell)));
        assertThat(refused.statusCode()).as("with a valid CSRF field, so only the message is at fault").isEqualTo(400);
        assertThat(refused.body()).contains("The message was not sent").contains(PlainText.CONTROL_CHARACTERS)
                .as("what was written comes back to be corrected").contains("Please call the patient");
        given().auth().oauth2(Tokens.of("coordinator")).when().get("/api/cases/" + caseId + "/messages")
                .then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(0));

        given().auth().oauth2(Tokens.of("coordinator")).contentType("application/json").body(Map.of("body", bell))
                .when().post("/api/cases/" + caseId + "/messages")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("body"))
                .body("errors[0].message", org.hamcrest.Matchers.equalTo(PlainText.CONTROL_CHARACTERS));
    }

    @Test
    void theBearerTokenApiNeedsNoCsrfField() {
        String caseId = Portal.submit("physician");
        String taskId = process.task(caseId, "IntakeReview").getId();
        given().auth().oauth2(Tokens.of("coordinator")).when().post("/api/inbox/tasks/" + taskId + "/claim")
                .then().statusCode(200);
    }

    @Test
    void thePageCarriesItsSecurityHeadersAndAnHttpOnlyStrictCsrfCookie() {
        WebSession coordinator = WebSession.signIn(URI.create(root.toString()), "coordinator");
        HttpResponse<String> page = coordinator.get("/inbox");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(header(page, "Content-Security-Policy")).contains("default-src 'none'", "style-src 'self'",
                "form-action 'self'", "frame-ancestors 'none'").doesNotContain("unsafe");
        assertThat(header(page, "Content-Security-Policy")).as("the page's own script, from its own origin only")
                .contains("script-src 'self';").doesNotContainPattern("script-src [^;]*(http|\\*|data:)");
        assertThat(page.body()).contains("<script src=\"/inbox-assets/inbox.js\" defer></script>")
                .doesNotContainPattern("<script>|<script [^>]*>[^<]+</script>|\\son[a-z]+=\"");
        assertThat(header(page, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(page, "X-Frame-Options")).isEqualTo("DENY");
        assertThat(header(page, "Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(header(page, "Strict-Transport-Security")).startsWith("max-age=");
        assertThat(header(page, "Cache-Control")).isEqualTo("no-store");

        // a browser that has no CSRF cookie yet gets one with its first page
        WebSession fresh = WebSession.signIn(URI.create(root.toString()), "specialist");
        List<String> cookies = fresh.landing().headers().allValues("Set-Cookie");
        assertThat(cookies).isNotEmpty();
        assertThat(cookies.stream().filter(c -> c.startsWith("ipc-csrf=")).findFirst()).hasValueSatisfying(
                c -> assertThat(c).contains("HttpOnly", "SameSite=Strict", "Path=/inbox"));
    }

    @Test
    void theApiAnswersCarryTheirHeadersToo() {
        var answer = given().auth().oauth2(Tokens.of("physician")).when().get("/api/portal/cases").then()
                .statusCode(200).extract();
        assertThat(answer.header("Content-Security-Policy")).contains("default-src 'none'", "frame-ancestors 'none'");
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        var problem = given().when().get("/api/portal/cases").then().statusCode(401).extract();
        assertThat(problem.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("This form has expired");
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " header"));
    }
}
