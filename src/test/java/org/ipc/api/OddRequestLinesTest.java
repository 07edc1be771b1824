package org.ipc.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.ipc.testing.CaseRequests;
import org.ipc.testing.RawHttp;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Ids and paths holding NUL or other control characters, broken percent-encoding, over-long paths and text with
 * control characters are refused as problem+json naming what was wrong, before a resource, the database or the
 * engine sees them.
 */
@QuarkusTest
class OddRequestLinesTest {

    @Test
    void aTaskIdWithARightToLeftOverrideAndANulIsA400ForEachAction() {
        String odd = "/api/inbox/tasks/%E2%80%AE%00";
        as("coordinator").get(odd).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("path")).body("requestId", notNullValue());
        for (String action : new String[] { "/claim", "/unclaim", "/complete", "/delegate" }) {
            as("coordinator").contentType(ContentType.JSON).body("{}").post(odd + action).then().statusCode(400)
                    .contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo("path"));
        }
    }

    @Test
    void controlAndInvisibleCharactersInAnyIdAreRefused() {
        for (String id : new String[] { "%00", "abc%0Adef", "%1B%5B31m", "%E2%80%AE", "%C2%85", "x%7F" }) {
            as("physician").get("/api/portal/cases/" + id).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("errors[0].field", equalTo("path"));
        }
        // no token: refused all the same, before authentication is asked for
        given().urlEncodingEnabled(false).get("/api/cases/%00").then().statusCode(400).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void percentEncodedBytesThatAreNotUtf8AreA400Problem() {
        for (String id : new String[] { "%C3%28", "%FF%FE", "%E0%80", "%ED%A0%80" }) {
            RawHttp.Answer answer = RawHttp.send("GET", "/api/portal/cases/" + id,
                    "Authorization: Bearer " + Tokens.of("physician"));
            assertThat(answer.status()).as(id).isEqualTo(400);
            assertThat(answer.contentType()).isEqualTo(Problem.MEDIA_TYPE);
            assertThat(answer.body()).contains("\"detail\":\"path: is not valid percent-encoded UTF-8\"");
        }
    }

    @Test
    void aRequestLineThatIsNoUriAtAllIsRefusedByTheHttpLayerBeforeRouting() {
        // Quarkus checks the request line is a URI before any route; its 400 has no body (docs/security.md)
        for (String target : new String[] { "/api/portal/cases/%zz", "/api/portal/cases/%", "/api/office-hours?tz=%zz",
                "/api/portal/cases/a b" }) {
            assertThat(RawHttp.send("GET", target).status()).as(target).isEqualTo(400);
        }
    }

    @Test
    void overLongPathsAndIdsAreRefusedAsProblems() {
        as("physician").get("/api/portal/cases/" + "a".repeat(5_000)).then().statusCode(414)
                .contentType(Problem.MEDIA_TYPE).body("title", equalTo("URI too long"))
                .body("errors[0].field", equalTo("path")).body("requestId", notNullValue());
        as("physician").get("/api/portal/cases/" + "a".repeat(300)).then().statusCode(400)
                .body("detail", startsWith("path: has a segment (an id) longer than 255"));
        as("physician").get("/api/portal/cases/" + "a".repeat(100)).then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
        as("coordinator").get("/api/inbox/tasks/" + "7".repeat(100)).then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
        as("coordinator").get("/api/inbox/tasks/1'%20OR%20'1'='1").then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void queryValuesWithControlCharactersNameTheParameter() {
        as("admin").get("/api/audit?user=%00").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("user"))
                .body("errors[0].message", equalTo("must not contain control characters"));
        as("coordinator").get("/api/inbox/tasks?language=e%0An").then().statusCode(400)
                .body("errors[0].field", equalTo("language"));
        as("admin").get("/api/audit?user=%E0%80").then().statusCode(400).body("errors[0].field", equalTo("user"));
        given().urlEncodingEnabled(false).get("/api/office-hours?tz=%00").then().statusCode(400)
                .body("errors[0].field", equalTo("tz"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void textWithControlCharactersIsRefusedNamingTheField() {
        Map<String, Object> request = CaseRequests.secondOpinion();
        ((Map<String, Object>) request.get("patient")).put("givenName", "Ana\u0000");
        given().auth().oauth2(Tokens.of("physician")).contentType(ContentType.JSON).body(request)
                .post("/api/portal/cases").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("patient.givenName"))
                .body("errors[0].message", equalTo("must not contain control characters other than tabs and line breaks"));
        Map<String, Object> withLineBreaks = CaseRequests.secondOpinion();
        withLineBreaks.put("clinicalSummary", "Synthetic summary.\n\tSecond line.\r\n");
        given().auth().oauth2(Tokens.of("physician")).contentType(ContentType.JSON).body(withLineBreaks)
                .post("/api/portal/cases").then().statusCode(201);
    }

    private static RequestSpecification as(String user) {
        return given().urlEncodingEnabled(false).auth().oauth2(Tokens.of(user));
    }
}
