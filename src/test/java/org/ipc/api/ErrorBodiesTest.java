package org.ipc.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.ipc.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;

/**
 * Whatever fails, the caller gets a problem+json body with a request id and a plain sentence: never a stack trace,
 * an exception's name, SQL, a table or constraint name, or the patient data the failing statement carried.
 */
@QuarkusTest
class ErrorBodiesTest {

    private static final List<String> LEAKS = List.of("Exception", "exception", "\tat ", "at org.", "at java.",
            "at io.", "SQL", "sql", "select", "insert", "no_such_table", "department_pkey", "duplicate key",
            "Ana Souza", "Caused by", "hibernate", "postgres", "PSQL", ".java:");

    @Test
    void aFailingSqlStatementIsA500WithoutTheStatement() {
        assertClean(given().header("X-Request-Id", "req-1").when().post("/test-only/failures/statement")
                .then().statusCode(500).extract(), 500);
    }

    @Test
    void aBrokenDatabaseConstraintSaysNothingOfTheConstraint() {
        assertClean(given().when().post("/test-only/failures/duplicate").then().extract(), 500);
    }

    @Test
    void malformedJsonNamesThePlaceNotTheParser() {
        var answer = given().auth().oauth2(Tokens.of("physician")).contentType(ContentType.JSON)
                .body("{\"type\": \"SECOND_OPINION\", \"patient\": {\"givenName\": ")
                .when().post("/api/portal/cases").then().statusCode(400).extract();
        assertClean(answer, 400);
        assertThat(answer.<String>path("detail")).contains("line 1");
    }

    @Test
    void aWrongJsonTypeNamesTheFieldNotTheJavaType() {
        var answer = given().auth().oauth2(Tokens.of("physician")).contentType(ContentType.JSON)
                .body("{\"type\": \"SECOND_OPINION\", \"department\": [1, 2], \"patient\": {\"emailConsent\": \"maybe\"}}")
                .when().post("/api/portal/cases").then().statusCode(400).extract();
        assertClean(answer, 400);
    }

    @Test
    void anUnknownPathAndAWrongMethodAreProblemsToo() {
        assertClean(given().auth().oauth2(Tokens.of("coordinator")).when().get("/api/inbox/tasks/no-such-task")
                .then().statusCode(404).extract(), 404);
        assertClean(given().auth().oauth2(Tokens.of("physician")).when().put("/api/portal/cases")
                .then().statusCode(405).extract(), 405);
    }

    @Test
    void aConnectionTheDatabaseEndedIsA503ToRetryAndThePoolRecovers() {
        for (String failure : List.of("connection-lost", "connection-lost-under-the-engine")) {
            ExtractableResponse<?> answer = given().when().post("/test-only/failures/" + failure)
                    .then().statusCode(503).extract();
            assertClean(answer, 503);
            assertThat(answer.header("Retry-After")).isEqualTo("5");
            assertThat(answer.<String>path("detail")).contains("try again");
            // the dead connection left the pool: the next request gets a live one
            given().when().get("/q/health/ready").then().statusCode(200);
            given().auth().oauth2(Tokens.of("coordinator")).when().get("/api/inbox/tasks").then().statusCode(200);
        }
    }

    @Test
    void anOverLargeBodyIsRefusedBeforeItIsRead() {
        byte[] big = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        assertClean(given().auth().oauth2(Tokens.of("physician")).contentType(ContentType.JSON).body(big)
                .when().post("/api/portal/cases").then().statusCode(413).extract(), 413);
    }

    private static void assertClean(ExtractableResponse<?> answer, int status) {
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        String body = answer.asString();
        assertThat(body).doesNotContain(LEAKS);
        assertThat(answer.<Integer>path("status")).isEqualTo(status);
        assertThat(answer.<String>path("title")).isNotBlank();
        if (status == 500) {
            assertThat(answer.<String>path("requestId")).isNotBlank();
            assertThat(answer.<String>path("detail")).contains(answer.<String>path("requestId"));
        }
    }
}
