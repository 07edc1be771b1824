package org.ipc.physicians;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.ipc.testing.CaseRequests;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Physicians unknown to the service submitting their first cases all at once, on a pool of two connections: each
 * request provisions its physician in its own transaction, never holding one connection while waiting for a second,
 * so none of them waits on the others until the pool gives up. A physician's two racing first requests make one row.
 */
@QuarkusTest
@TestProfile(NewPhysiciansBurstTest.TwoConnections.class)
class NewPhysiciansBurstTest {

    private static final int PHYSICIANS = 4;

    public static class TwoConnections implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new java.util.HashMap<>(Map.of(
                    "quarkus.datasource.jdbc.max-size", "2",
                    // A request that waits on itself never gets a second connection, however long it waits; a
                    // generous timeout only keeps honest queueing on a busy machine from looking like that.
                    "quarkus.datasource.jdbc.acquisition-timeout", "20S"));
            IntStream.rangeClosed(1, PHYSICIANS).forEach(
                    i -> config.put("ipc.dev-users.newcomer" + i, "physician"));
            return config;
        }
    }

    @Test
    void aBurstOfFirstRequestsFromNewPhysiciansNeedsOneConnectionEach() throws Exception {
        List<String> tokens = IntStream.rangeClosed(1, PHYSICIANS).mapToObj(i -> Tokens.of("newcomer" + i)).toList();
        Map<String, Object> body = CaseRequests.secondOpinion();
        ExecutorService clients = Executors.newFixedThreadPool(2 * PHYSICIANS);
        try {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (String token : tokens) {
                    answers.add(CompletableFuture.supplyAsync(() -> given().auth().oauth2(token)
                            .contentType(ContentType.JSON).body(body)
                            .post("/api/portal/cases").then().extract().statusCode(), clients));
                }
            }
            assertThat(answers.stream().map(CompletableFuture::join).toList())
                    .as("every first submission answered, none timed out on the pool").containsOnly(201);
        } finally {
            clients.shutdownNow();
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> ReferringPhysician.count("subject like 'newcomer%'")))
                .as("one row per physician, though each raced itself").isEqualTo(PHYSICIANS);
    }
}
