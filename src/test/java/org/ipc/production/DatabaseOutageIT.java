package org.ipc.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.ipc.testing.CaseRequests;
import org.ipc.testing.HttpCalls;
import org.ipc.testing.HttpCalls.Answer;
import org.ipc.testing.Mailbox;
import org.ipc.testing.PackagedService;
import org.ipc.testing.PostgresServer;
import org.ipc.testing.Sql;
import org.ipc.testing.SmtpResource;
import org.ipc.testing.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL away for a moment, as in a restart or a fail-over, while physicians submit cases and staff read: the
 * packaged service answers 201 or 503 problem+json with Retry-After (never a 500), its readiness goes DOWN during
 * the gap and UP after by itself, every acknowledged case is in the database afterwards, a retry with the same
 * Idempotency-Key creates no second case, and the mail outbox loses nothing and sends nothing twice.
 */
class DatabaseOutageIT {

    private static final Duration BEFORE = Duration.ofSeconds(3);
    private static final Duration GAP = Duration.ofSeconds(6);
    private static final Duration AFTER = Duration.ofSeconds(8);
    /** Submissions a second, twice the rate the outage was first measured at. */
    private static final int SUBMISSIONS_PER_SECOND = 10;
    private static final int READS_PER_SECOND = 5;
    private static final String MARK = "Synthetic outage run, key ";

    private static PostgresServer postgres;
    private static Sql database;
    private static TestIssuer issuer;
    private static PackagedService service;
    private static Path log;

    @BeforeAll
    static void startServiceOnARestartableDatabase() throws Exception {
        postgres = PostgresServer.start("outage-postgres");
        database = new Sql(postgres);
        issuer = TestIssuer.start();
        int smtp = Integer.parseInt(new SmtpResource().start().get("quarkus.mailer.port"));
        Map<String, String> env = PackagedService.environment(postgres.jdbcUrl(), issuer.url(), smtp,
                Path.of("target", "outage-documents"));
        env.put("IPC_MAIL_DRAIN_EVERY", "1s");
        // an SMTP hiccup on a busy machine is retried within the test's wait, not after the production minute
        env.put("IPC_MAIL_BACKOFF", "PT2S");
        log = Path.of("target", "database-outage-service.log");
        service = PackagedService.start(PackagedService.productionJvmFlags(), env, log, Duration.ofSeconds(120));
    }

    @AfterAll
    static void stopAll() throws InterruptedException {
        if (service != null) {
            service.stop();
        }
        if (issuer != null) {
            issuer.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        SmtpResource.stopServer();
    }

    /** One call and when it was made, in milliseconds since the run began. */
    record Call(String kind, String key, long sentAt, long millis, Answer answer) {
    }

    @Test
    void answers503AndRecoversByItselfWhilePostgresRestartsUnderLoad() throws Exception {
        String physician = issuer.token("dr-outage", "physician");
        String coordinator = issuer.token("lin", "coordinator", "lang:pt", "lang:en");
        HttpCalls http = new HttpCalls(Duration.ofSeconds(30));
        URI base = service.base;
        warmUp(http, base, physician, coordinator);
        long logLinesBefore = Files.readAllLines(log).size();

        List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        List<long[]> readiness = Collections.synchronizedList(new ArrayList<>());
        List<Answer> liveness = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(32);
        ScheduledExecutorService pace = Executors.newScheduledThreadPool(3);
        long t0 = System.nanoTime();
        pace.scheduleAtFixedRate(() -> clients.submit(() -> {
            String key = UUID.randomUUID().toString();
            long sent = since(t0);
            Answer a = http.post(base, "/api/portal/cases", physician, submission(key), Map.of("Idempotency-Key", key));
            calls.add(new Call("submit", key, sent, since(t0) - sent, a));
        }), 0, 1000 / SUBMISSIONS_PER_SECOND, TimeUnit.MILLISECONDS);
        pace.scheduleAtFixedRate(() -> clients.submit(() -> {
            long sent = since(t0);
            boolean portal = (sent / 200) % 2 == 0;
            Answer a = portal ? http.get(base, "/api/portal/cases?size=5", physician)
                    : http.get(base, "/api/inbox/tasks?size=5", coordinator);
            calls.add(new Call(portal ? "portal list" : "inbox list", null, sent, since(t0) - sent, a));
        }), 50, 1000 / READS_PER_SECOND, TimeUnit.MILLISECONDS);
        pace.scheduleAtFixedRate(() -> {
            long sent = since(t0);
            Answer a = http.get(base, "/q/health/ready", null);
            readiness.add(new long[] { sent, a.status(), since(t0) - sent });
            liveness.add(http.get(base, "/q/health/live", null));
        }, 0, 250, TimeUnit.MILLISECONDS);

        Thread.sleep(BEFORE.toMillis());
        long stopping = since(t0);
        postgres.stop();
        long stopped = since(t0);
        Thread.sleep(GAP.toMillis());
        long starting = since(t0);
        postgres.start();
        long started = since(t0);
        Thread.sleep(AFTER.toMillis());
        List<String> logDuringAndAfter = Files.readAllLines(log).stream().skip(logLinesBefore).toList();
        pace.shutdown();
        pace.awaitTermination(10, TimeUnit.SECONDS);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).as("every call answered").isTrue();

        List<Call> all = List.copyOf(calls);
        List<Call> submissions = all.stream().filter(c -> c.kind.equals("submit")).toList();
        Map<String, Integer> retries = retryUnansweredSubmissions(http, base, physician, submissions);
        String figures = figures(all, List.copyOf(readiness), stopping, stopped, starting, started, retries,
                logDuringAndAfter);
        Files.writeString(Path.of("target", "database-outage.md"), figures);
        System.out.print(figures);

        // every answer is a success or a 503 problem+json that says when to come back; never a 500
        for (Call c : all) {
            Answer a = c.answer;
            assertThat(a.status()).as("%s at %d ms: %s", c.kind, c.sentAt, a)
                    .isIn(c.kind.equals("submit") ? 201 : 200, 503);
            if (a.status() == 503) {
                assertThat(a.contentType()).as("%s", a).startsWith("application/problem+json");
                assertThat(a.retryAfter()).as("%s", a)
                        .hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isBetween(1, 30));
                assertThat(a.json().path("status").asInt()).isEqualTo(503);
                assertThat(a.body()).doesNotContain("Exception", "\tat ", "SQL", "select ", "org.");
            }
        }
        assertThat(all).as("calls failed during the gap").anyMatch(c -> c.answer.status() == 503);
        // readiness: UP before, DOWN during the gap, UP again after by itself
        List<long[]> ready = List.copyOf(readiness);
        assertThat(ready).as("ready before the gap").anyMatch(r -> r[0] < stopping && r[1] == 200);
        assertThat(ready).as("not ready during the gap")
                .anyMatch(r -> r[0] > stopped && r[0] + r[2] < starting && r[1] == 503);
        assertThat(ready).as("never ready during the gap").noneMatch(r -> r[0] > stopped && r[0] + r[2] < starting
                && r[1] == 200);
        assertThat(ready).as("ready again after the restart, by itself").anyMatch(r -> r[0] > started && r[1] == 200);
        assertThat(ready.get(ready.size() - 1)[1]).as("ready at the end").isEqualTo(200);
        // alive throughout: nothing would restart the service, and nothing needs to
        assertThat(List.copyOf(liveness)).as("liveness during the run").isNotEmpty()
                .allSatisfy(a -> assertThat(a.status()).as("%s", a).isEqualTo(200));

        // every acknowledged case is there, and every key made exactly one case
        Map<String, Integer> casesPerKey = database.casesPerKey(MARK);
        for (Call c : submissions) {
            if (c.answer.status() == 201) {
                assertThat(casesPerKey.get(c.key)).as("case acknowledged at %d ms", c.sentAt).isEqualTo(1);
            }
        }
        assertThat(casesPerKey.keySet()).containsExactlyInAnyOrderElementsOf(
                submissions.stream().map(Call::key).toList());
        assertThat(casesPerKey.values()).allMatch(n -> n == 1);
        // the outbox: each acknowledged case's mails went out once each
        assertEveryMailSentOnce();
        // the log says what happened without stack traces, and the request path says it once, not once per call
        assertThat(logDuringAndAfter).as("stack traces in the log during the gap")
                .noneMatch(l -> l.startsWith("\tat "));
        assertThat(logDuringAndAfter.stream().filter(l -> l.contains("[org.ipc.api.ProblemMapper]")))
                .as("the error mapper's lines during the gap").hasSizeLessThanOrEqualTo(2)
                .allMatch(l -> l.contains(" WARN ") && l.contains("Database unavailable: answering 503"));
        long failed = all.stream().filter(c -> c.answer.status() == 503).count();
        assertThat(logDuringAndAfter.stream().filter(l -> l.matches("^\\S+ \\S+ +(WARN|ERROR) .*")))
                .as("warnings and errors logged for %d calls answered 503", failed).hasSizeLessThan((int) failed / 2);
    }

    private Map<String, Integer> retryUnansweredSubmissions(HttpCalls http, URI base, String physician,
            List<Call> submissions) throws InterruptedException {
        Map<String, Integer> retriesByStatus = new TreeMap<>();
        for (Call c : submissions) {
            if (c.answer.status() == 201) {
                continue;
            }
            Answer again = null;
            for (int attempt = 0; attempt < 10; attempt++) {
                again = http.post(base, "/api/portal/cases", physician, submission(c.key),
                        Map.of("Idempotency-Key", c.key));
                if (again.status() == 201) {
                    break;
                }
                Thread.sleep(1000);
            }
            assertThat(again.status()).as("retry of %s: %s", c.key, again).isEqualTo(201);
            retriesByStatus.merge("retried, then 201", 1, Integer::sum);
        }
        return retriesByStatus;
    }

    private static Map<String, Object> submission(String key) {
        Map<String, Object> request = CaseRequests.secondOpinion();
        request.put("clinicalSummary", MARK + key);
        return request;
    }

    private static void assertEveryMailSentOnce() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<String, Integer> byStatus = Map.of();
        while (System.nanoTime() < deadline) {
            byStatus = outboxByStatus();
            if (byStatus.keySet().stream().allMatch(s -> s.equals("SENT"))) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(byStatus.keySet()).as("outbox states %s; not sent: %s", byStatus, unsent()).containsOnly("SENT");
        List<String> expected = database.strings("select message_id from mail_outbox");
        long cases = database.count("select count(*) from patient_case");
        Map<String, Long> received = Mailbox.all().stream()
                .collect(Collectors.groupingBy(Mailbox.Received::messageId, Collectors.counting()));
        assertThat(expected).as("two mails (patient, physician) for each of %d cases", cases)
                .hasSize((int) (2 * cases));
        assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(received).allSatisfy((id, n) -> assertThat(n).as("copies of %s", id).isEqualTo(1L));
    }

    /** The mails not sent, with their attempts and the kind of their last failure, for the failure message. */
    private static List<String> unsent() throws Exception {
        return database.strings("select status || ' attempts=' || attempts || ' next=' || coalesce(next_attempt_at::text,"
                + " '-') || ' lease=' || coalesce(lease_until::text, '-') || ' error=' || coalesce(last_error, '-')"
                + " from mail_outbox where status <> 'SENT'");
    }

    private static Map<String, Integer> outboxByStatus() throws Exception {
        return database.counted("select status, count(*) from mail_outbox group by status");
    }

    private static void warmUp(HttpCalls http, URI base, String physician, String coordinator) {
        for (int i = 0; i < 20; i++) {
            String key = UUID.randomUUID().toString();
            Map<String, Object> request = CaseRequests.secondOpinion();
            request.put("clinicalSummary", "Synthetic warm-up case " + key);
            Answer submitted = http.post(base, "/api/portal/cases", physician, request, Map.of("Idempotency-Key", key));
            assertThat(submitted.status()).as("%s", submitted).isEqualTo(201);
            assertThat(http.get(base, "/api/inbox/tasks?size=5", coordinator).status()).isEqualTo(200);
        }
    }

    private static String figures(List<Call> all, List<long[]> ready, long stopping, long stopped, long starting,
            long started, Map<String, Integer> retries, List<String> logLines) {
        StringBuilder f = new StringBuilder("# PostgreSQL away for a moment (DatabaseOutageIT)\n\n");
        f.append("Packaged service, production JVM flags, one PostgreSQL stopped with `pg_ctl stop -m fast` and ")
                .append("started again; ")
                .append(SUBMISSIONS_PER_SECOND).append(" submissions/s and ").append(READS_PER_SECOND)
                .append(" reads/s throughout.\n\n");
        f.append(("- PostgreSQL stop asked at %d ms, down at %d ms; start asked at %d ms, accepting at %d ms "
                + "(gap %.1f s)\n")
                .formatted(stopping, stopped, starting, started, (started - stopped) / 1000.0));
        Predicate<Call> inGap = c -> c.sentAt + c.millis >= stopping && c.sentAt <= started;
        for (String phase : List.of("before", "gap", "after")) {
            Predicate<Call> in = switch (phase) {
                case "before" -> c -> c.sentAt + c.millis < stopping;
                case "gap" -> inGap;
                default -> c -> c.sentAt > started;
            };
            Map<String, Long> byStatus = all.stream().filter(in)
                    .collect(Collectors.groupingBy(c -> c.kind + " " + c.answer.status(), TreeMap::new,
                            Collectors.counting()));
            long slowest = all.stream().filter(in).mapToLong(Call::millis).max().orElse(0);
            f.append("- answers %s the gap: %s; slowest %d ms\n".formatted(
                    phase.equals("gap") ? "during" : phase, byStatus, slowest));
        }
        f.append("- unanswered submissions retried with their Idempotency-Key: %s\n".formatted(retries));
        f.append("- readiness (time: status):");
        int last = -1;
        for (long[] r : ready) {
            if (r[1] != last) {
                String state = r[1] == 200 ? "UP" : r[1] == 503 ? "DOWN" : "no answer " + r[1];
                f.append(" %d ms: %s;".formatted(r[0] + r[2], state));
                last = (int) r[1];
            }
        }
        long slowestProbe = ready.stream().mapToLong(r -> r[2]).max().orElse(0);
        f.append(" slowest probe %d ms\n".formatted(slowestProbe));
        Map<String, Long> byLogger = logLines.stream().filter(l -> l.matches("^\\d{4}-.*"))
                .map(l -> l.replaceAll("^\\S+ \\S+ +(\\w+) +\\[([^\\]]+)\\].*", "$1 $2"))
                .collect(Collectors.groupingBy(l -> l, TreeMap::new, Collectors.counting()));
        long stackLines = logLines.stream().filter(l -> l.startsWith("\tat ")).count();
        f.append(("- service log from the stop to the end of the run: %d lines; by level and logger %s; "
                + "%d stack-trace lines\n")
                .formatted(logLines.size(), byLogger, stackLines));
        return f.toString();
    }

    private static long since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0).toMillis();
    }
}
