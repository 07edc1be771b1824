package org.ipc.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import org.ipc.operations.OfficeMetrics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Benchmark, not a test (tag {@code benchmark}, outside {@code ./mvnw verify}): what {@code /q/metrics} costs at
 * 100,000 cases. Seeds with SQL, on the tests' PostgreSQL, 100,000 cases across the statuses, 100,000 open tasks in
 * 50 queues (a tenth assigned, a fifth overdue), 200,000 outbox mails (mostly sent, some pending, some failed) and
 * 20,000 engine jobs (timers, a few due, a few failed for good); then times the scheduled count of the office gauges
 * ({@link OfficeMetrics#refresh()}) and 300 scrapes of {@code /q/metrics} over HTTP. Run with
 * {@code bench/metrics.sh}; the figures go to target/bench/metrics.txt.
 */
@QuarkusTest
@Tag("benchmark")
class MetricsBenchmark {

    private static final int CASES = Integer.getInteger("bench.cases", 100_000);
    private static final int SCRAPES = 300;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OfficeMetrics metrics;

    @TestHTTPResource("/")
    URI base;

    @Test
    void scrapeAtOneHundredThousandCases() throws Exception {
        long seeding = System.nanoTime();
        seed();
        double seedSeconds = (System.nanoTime() - seeding) / 1e9;

        Latencies refresh = new Latencies(20);
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            metrics.refresh();
            refresh.record(System.nanoTime() - start);
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest scrape = HttpRequest.newBuilder(base.resolve("/q/metrics")).build();
        int size = 0;
        for (int i = 0; i < 30; i++) {
            size = http.send(scrape, HttpResponse.BodyHandlers.ofString()).body().length();
        }
        Latencies scrapes = new Latencies(SCRAPES);
        for (int i = 0; i < SCRAPES; i++) {
            long start = System.nanoTime();
            HttpResponse<String> answer = http.send(scrape, HttpResponse.BodyHandlers.ofString());
            scrapes.record(System.nanoTime() - start);
            if (answer.statusCode() != 200 || !answer.body().contains("ipc_tasks_open{")) {
                throw new IllegalStateException("scrape answered " + answer.statusCode());
            }
        }
        String report = String.format(Locale.ROOT, """
                Metrics benchmark: %,d cases, %,d open tasks in 50 queues, %,d outbox mails, %,d engine jobs on PostgreSQL \
                (seeded in %.0f s)
                scheduled count of the office gauges (OfficeMetrics.refresh, every 15 s), 20 runs, p50 / p95 / p99 ms: %s
                GET /q/metrics over HTTP, %d scrapes, one client, p50 / p95 / p99 ms: %s (page of %,d characters)
                """, CASES, CASES, CASES * 2, CASES / 5, seedSeconds, refresh.summary(), SCRAPES, scrapes.summary(), size);
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "metrics.txt"), report);
        System.out.println(report);
    }

    private void seed() throws Exception {
        List<String> statuses = List.of("SUBMITTED", "RECORDS_REQUESTED", "UNDER_REVIEW", "OPINION_READY",
                "AWAITING_DEPOSIT", "SCHEDULING", "VISIT_SCHEDULED", "IN_VISIT", "FOLLOW_UP", "CLOSED", "DECLINED",
                "WITHDRAWN");
        String statusArray = "array['" + String.join("','", statuses) + "']";
        sql(List.of(
                "insert into referring_physician (id, subject, created_at, updated_at) values "
                        + "('00000000-0000-0000-0000-00000000b001', 'bench-physician', now(), now()) on conflict do nothing",
                "insert into patient (id, given_name, family_name, birth_date, sex, country_of_residence, preferred_language,"
                        + " time_zone, email_consent, created_at) select md5('p' || i)::uuid, 'Synthetic', 'Patient' || i,"
                        + " date '1970-01-01', 'female', 'BR', 'pt', 'America/Sao_Paulo', true, now()"
                        + " from generate_series(1, " + CASES + ") i",
                "insert into patient_case (id, reference, case_type, department, urgency, clinical_summary, status,"
                        + " patient_id, physician_id, created_at, updated_at, version) select md5('c' || i)::uuid,"
                        + " 'BENCH-' || i, 'SECOND_OPINION', 'cancer-center', 'ROUTINE', 'Synthetic.', (" + statusArray
                        + ")[1 + i % " + statuses.size() + "], md5('p' || i)::uuid, '00000000-0000-0000-0000-00000000b001',"
                        + " now(), now(), 0 from generate_series(1, " + CASES + ") i",
                "insert into act_ru_task (id_, rev_, name_, task_def_key_, assignee_, priority_, create_time_, due_date_,"
                        + " suspension_state_) select 'bench-task-' || i, 1, 'Intake review', 'IntakeReview',"
                        + " case when i % 10 = 0 then 'coordinator-' || (i % 7) end, 50, now(),"
                        + " now() + ((i % 10) - 2) * interval '1 day', 1 from generate_series(1, " + CASES + ") i",
                "insert into act_ru_identitylink (id_, rev_, group_id_, type_, task_id_) select 'bench-link-' || i, 1,"
                        + " 'coordinator:q' || (i % 50), 'candidate', 'bench-task-' || i from generate_series(1, " + CASES + ") i",
                "insert into mail_outbox (id, case_id, dedupe_key, milestone, recipient_kind, recipient, language, subject,"
                        + " body_text, body_html, message_id, status, attempts, next_attempt_at, created_at)"
                        + " select md5('m' || i)::uuid, md5('c' || (1 + i % " + CASES + "))::uuid, 'bench-' || i,"
                        + " 'ACKNOWLEDGED', 'PATIENT', 'patient' || i || '@example.org', 'pt', 'Synthetic', 'x', 'x',"
                        + " '<bench-' || i || '@example.org>', case when i % 100 = 0 then 'PENDING' when i % 1000 = 1"
                        + " then 'FAILED' else 'SENT' end, 1, now(), now() from generate_series(1, " + CASES * 2 + ") i",
                "insert into act_ru_job (id_, rev_, type_, retries_, duedate_, handler_type_, suspension_state_, priority_,"
                        + " create_time_) select 'bench-job-' || i, 1, 'timer', case when i % 500 = 0 then 0 else 3 end,"
                        + " now() + case when i % 100 = 0 then - interval '1 minute' else interval '3 days' end,"
                        + " 'timer-intermediate-transition', 1, 0, now() from generate_series(1, " + CASES / 5 + ") i",
                "analyze"));
    }

    private void sql(List<String> statements) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
