package org.ipc.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.ipc.testing.CaseRequests;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Human references are unique under concurrent submissions and follow IPC-year-number. */
@QuarkusTest
class CaseReferencesTest {

    @Test
    void formatIsIpcYearAndSixDigits() {
        assertThat(CaseReferences.format(2026, 123)).isEqualTo("IPC-2026-000123");
        assertThat(CaseReferences.format(2027, 1)).isEqualTo("IPC-2027-000001");
    }

    @Test
    void concurrentSubmissionsGetDistinctReferences() throws Exception {
        String token = Tokens.of("physician");
        int submissions = 24;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < submissions; i++) {
                calls.add(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                        .body(CaseRequests.secondOpinion())
                        .when().post("/api/portal/cases")
                        .then().statusCode(201).extract().path("reference"));
            }
            List<String> references = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(calls, 2, TimeUnit.MINUTES)) {
                references.add(f.get());
            }
            assertThat(references).doesNotHaveDuplicates().hasSize(submissions)
                    .allMatch(r -> r.matches("IPC-\\d{4}-\\d{6}"))
                    .allMatch(r -> r.startsWith("IPC-" + Year.now().getValue())
                            || r.startsWith("IPC-" + (Year.now().getValue() - 1)));
        } finally {
            pool.shutdownNow();
        }
    }
}
