package org.ipc.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipc.notify.MailSender;
import org.ipc.notify.Milestone;
import org.ipc.notify.OutboxMail;
import org.ipc.testing.FailingJobs;
import org.ipc.testing.Portal;
import org.ipc.testing.ProcessDriver;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Each office metric of DESIGN.md's operations contract, by its exact Prometheus name and labels, moves with real
 * actions: a submission, a task coming due, a claim, a job that fails for good, a mail refused for good. Quarkus'
 * own HTTP, JVM and connection-pool metrics are on the same page.
 */
@QuarkusTest
class OfficeMetricsTest {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][\\w:]*)(\\{[^}]*\\})?\\s+(\\S+)");

    @Inject
    OfficeMetrics metrics;

    @Inject
    FailingJobs failing;

    @Inject
    MailSender mail;

    @Inject
    org.camunda.bpm.engine.TaskService tasks;

    @AfterEach
    void realTimeAgain() {
        ClockUtil.reset();
    }

    @Test
    void eachOfficeMetricFollowsRealActions() {
        ProcessDriver.setNewYorkTime("2026-11-23T09:00");
        Map<String, Double> before = scrape();

        String caseId = Portal.submit("physician", "SECOND_OPINION", Map.of("preferredLanguage", "pt"));
        long mails = QuarkusTransaction.requiringNew().call(() -> (long) OutboxMail.ofCase(UUID.fromString(caseId)).size());
        Map<String, Double> submitted = scrape();
        assertThat(change(before, submitted, "ipc_cases_submitted_total{type=\"SECOND_OPINION\"}")).isEqualTo(1);
        assertThat(change(before, submitted, "ipc_cases{status=\"SUBMITTED\"}")).isEqualTo(1);
        assertThat(change(before, submitted, "ipc_tasks_open{queue=\"coordinator:pt\"}")).isEqualTo(1);
        assertThat(change(before, submitted, "ipc_tasks_overdue{queue=\"coordinator:pt\"}")).isZero();
        assertThat(mails).isPositive();
        assertThat(change(before, submitted, "ipc_mail_outbox{state=\"pending\"}")).isEqualTo(mails);

        // the intake review is due one business day later, Tuesday 09:00; tasks of earlier tests in the same queue
        // may come due in the same hours, so the engine's own task query says how many did
        java.util.Date from = ClockUtil.getCurrentTime();
        ProcessDriver.setNewYorkTime("2026-11-25T12:00");
        long cameDue = tasks.createTaskQuery().taskCandidateGroup("coordinator:pt").taskUnassigned()
                .dueAfter(from).dueBefore(ClockUtil.getCurrentTime()).count();
        Map<String, Double> late = scrape();
        assertThat(cameDue).isPositive();
        assertThat(change(submitted, late, "ipc_tasks_overdue{queue=\"coordinator:pt\"}")).isEqualTo(cameDue);

        String task = (String) org.ipc.testing.Inbox.intakeTaskOf(caseId).get("id");
        given().auth().oauth2(Tokens.of("coordinator")).post("/api/inbox/tasks/" + task + "/claim").then().statusCode(200);
        Map<String, Double> claimed = scrape();
        assertThat(change(late, claimed, "ipc_tasks_open{queue=\"coordinator:pt\"}")).isEqualTo(-1);
        assertThat(change(late, claimed, "ipc_tasks_open{queue=\"assigned\"}")).isEqualTo(1);
        assertThat(change(late, claimed, "ipc_tasks_overdue{queue=\"assigned\"}")).isEqualTo(1);

        String job = failing.startProbe(caseId);
        Map<String, Double> due = scrape();
        assertThat(change(claimed, due, "ipc_engine_jobs_due")).isEqualTo(1);
        assertThat(failing.runNow(job)).isTrue();
        String failed = failing.failForGood(caseId);
        Map<String, Double> incident = scrape();
        assertThat(change(claimed, incident, "ipc_engine_incidents")).isEqualTo(1);
        assertThat(change(claimed, incident, "ipc_engine_jobs_due")).isZero();
        given().auth().oauth2(Tokens.of("admin")).post("/api/admin/incidents/" + failed + "/retry").then().statusCode(202);
        failing.runNow(failed);

        QuarkusTransaction.requiringNew().run(() -> OutboxMail.update("recipient = 'no address here' where caseId = ?1"
                + " and recipientKind = ?2", UUID.fromString(caseId), Milestone.Recipient.PATIENT));
        Map<String, Double> beforeDrain = scrape();
        MailSender.Drained drained = mail.drain();
        Map<String, Double> afterDrain = scrape();
        assertThat(change(beforeDrain, afterDrain, "ipc_mail_outbox{state=\"failed\"}")).isEqualTo(drained.failed())
                .isEqualTo(1);
        assertThat(change(beforeDrain, afterDrain, "ipc_mail_outbox{state=\"pending\"}")).isEqualTo(-drained.total());
        assertThat(change(before, afterDrain, "ipc_engine_incidents")).isZero();
    }

    @Test
    void quarkusOwnHttpJvmAndPoolMetricsAreThereToo() {
        given().auth().oauth2(Tokens.of("physician")).get("/api/departments").then().statusCode(200);
        String page = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(page).contains("http_server_requests_seconds_count{", "uri=\"/api/departments\"",
                "jvm_memory_used_bytes{", "agroal_active_count", "ipc_metrics_refresh_duration_milliseconds");
    }

    @Test
    void oddPathsAreCountedTogetherAndCannotCrowdOutTheEndpoints() {
        for (int i = 0; i < 120; i++) {
            given().urlEncodingEnabled(false).get("/api/cases/%25" + i + "%00").then().statusCode(400);
        }
        given().auth().oauth2(Tokens.of("physician")).get("/api/departments").then().statusCode(200);
        String page = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(page).contains("uri=\"UNMATCHED\"", "uri=\"/api/departments\"").doesNotContain("%00");
    }

    private Map<String, Double> scrape() {
        metrics.refresh();
        String page = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, Double> samples = new HashMap<>();
        for (String line : page.lines().toList()) {
            Matcher m = SAMPLE.matcher(line);
            if (!line.startsWith("#") && m.find()) {
                String labels = m.group(2) == null ? "" : m.group(2).replace(",}", "}");
                samples.put(m.group(1) + labels, Double.parseDouble(m.group(3)));
            }
        }
        return samples;
    }

    private static long change(Map<String, Double> from, Map<String, Double> to, String sample) {
        assertThat(to).as("the page has %s", sample).containsKey(sample);
        return Math.round(to.get(sample) - from.getOrDefault(sample, 0.0));
    }
}
