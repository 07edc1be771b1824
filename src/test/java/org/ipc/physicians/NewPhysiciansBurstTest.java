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
import org.ipc.testing.ConstrainedProfile;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Physicians unknown to the service submitting their first cases all at once, on a pool of two connections
 * ({@link ConstrainedProfile}): each
 * request provisions its physician in its own transaction, never holding one connection while waiting for a second,
 * so none of them waits on the others until the pool gives up. A physician's two racing first requests make one row.
 */
@QuarkusTest
@TestProfile(ConstrainedProfile.class)
class NewPhysiciansBurstTest {

    private static final int PHYSICIANS = ConstrainedProfile.NEWCOMERS;

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
