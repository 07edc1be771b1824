package org.ipc.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.ipc.documents.Document;
import org.ipc.testing.CaseRequests;
import org.ipc.testing.Portal;
import org.ipc.testing.SampleFiles;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** A physician on a flaky connection can retry: the same key gives the first answer, and stores nothing twice. */
@QuarkusTest
class IdempotentRetriesTest {

    @Test
    void aRetriedSubmissionGetsTheFirstAnswerAndCreatesOneCase() {
        String key = UUID.randomUUID().toString();
        Response first = submit(key, CaseRequests.secondOpinion());
        long cases = cases();
        Response retry = submit(key, CaseRequests.secondOpinion());

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
        assertThat(retry.jsonPath().getString("reference")).isEqualTo(first.jsonPath().getString("reference"));
        assertThat(cases()).isEqualTo(cases);
    }

    @Test
    void theSameKeyWithADifferentBodyIsA422() {
        String key = UUID.randomUUID().toString();
        submit(key, CaseRequests.secondOpinion()).then().statusCode(201);
        Map<String, Object> other = CaseRequests.secondOpinion();
        other.put("urgency", "URGENT");
        submit(key, other).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("Idempotency-Key"));
    }

    @Test
    void keysBelongToTheirCaller() {
        String key = UUID.randomUUID().toString();
        String mine = submit(key, CaseRequests.secondOpinion()).jsonPath().getString("id");
        String theirs = given().auth().oauth2(Tokens.of("physician2")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(CaseRequests.secondOpinion())
                .when().post("/api/portal/cases").then().statusCode(201).extract().path("id");
        assertThat(theirs).isNotEqualTo(mine);
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOneCase() throws Exception {
        String key = UUID.randomUUID().toString();
        long before = cases();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> calls = java.util.Collections.nCopies(4,
                    () -> submit(key, CaseRequests.secondOpinion()).then().statusCode(201).extract().path("id"));
            List<String> ids = pool.invokeAll(calls, 1, TimeUnit.MINUTES).stream().map(IdempotentRetriesTest::get).toList();
            assertThat(ids).hasSize(4).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(cases()).isEqualTo(before + 1);
    }

    @Test
    void aRetriedUploadStoresTheFilesOnce() {
        String caseId = Portal.submit("physician");
        String key = UUID.randomUUID().toString();
        List<String> first = upload(caseId, key).then().statusCode(201).extract().jsonPath().getList("items.id");
        List<String> retry = upload(caseId, key).then().statusCode(201).extract().jsonPath().getList("items.id");
        assertThat(retry).isEqualTo(first);
        long stored = QuarkusTransaction.requiringNew().call(() -> Document.count("caseId", UUID.fromString(caseId)));
        assertThat(stored).isEqualTo(1);

        given().auth().oauth2(Tokens.of("physician")).header("Idempotency-Key", key)
                .multiPart("file", "other.png", SampleFiles.png(), "image/png")
                .when().post("/api/portal/cases/" + caseId + "/documents")
                .then().statusCode(422);
    }

    @Test
    void aMalformedKeyIsNamed() {
        submit("has spaces in it", CaseRequests.secondOpinion()).then().statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    private static Response upload(String caseId, String key) {
        return given().auth().oauth2(Tokens.of("physician")).header("Idempotency-Key", key)
                .multiPart("file", "report.pdf", SampleFiles.pdf(), "application/pdf")
                .when().post("/api/portal/cases/" + caseId + "/documents");
    }

    private static Response submit(String key, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.of("physician")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).when().post("/api/portal/cases");
    }

    private static long cases() {
        return QuarkusTransaction.requiringNew().call(() -> PatientCase.count());
    }

    private static String get(Future<String> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
