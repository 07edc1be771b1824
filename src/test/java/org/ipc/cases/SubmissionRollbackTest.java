package org.ipc.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.ipc.testing.CaseRequests;
import org.ipc.testing.Rows;
import org.ipc.testing.Portal;
import org.ipc.testing.Tokens;
import org.ipc.workflow.AcknowledgeCaseDelegate;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** Patient, case and process are stored together or not at all. */
@QuarkusTest
class SubmissionRollbackTest {

    @Inject
    RuntimeService runtime;

    @Inject
    HistoryService history;

    @Test
    void failureAfterTheProcessStartedRollsBackTheCaseToo() {
        Portal.submit("physician");
        Rows before = Rows.count();
        long processes = runtime.createProcessInstanceQuery().count();
        long startedEver = history.createHistoricProcessInstanceQuery().count();

        // given the process's first step fails, after the case row is written and the process has started
        QuarkusMock.installMockForType(new AcknowledgeCaseDelegate() {
            @Override
            public void execute(DelegateExecution execution) {
                throw new IllegalStateException("acknowledgement failed inside the process");
            }
        }, AcknowledgeCaseDelegate.class);

        // when a physician submits a case
        given().auth().oauth2(Tokens.of("physician")).contentType(ContentType.JSON)
                .body(CaseRequests.secondOpinion())
                .when().post("/api/portal/cases")
                .then().statusCode(500)
                .contentType("application/problem+json")
                .body("title", equalTo("Internal error"))
                .body("detail", containsString("request id"))
                .body(not(containsString("acknowledgement failed")))
                .body(not(containsString("IllegalStateException")));

        // then nothing of it remains: no patient, case, status row, process instance or history
        assertThat(Rows.count()).isEqualTo(before);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(processes);
        assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(startedEver);
    }
}
