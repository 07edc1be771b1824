package org.ipc.production;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.ipc.testing.CaseRequests;
import org.ipc.testing.HttpCalls;
import org.ipc.testing.HttpCalls.Answer;
import org.ipc.testing.LoadBalancer;
import org.ipc.testing.Mailbox;
import org.ipc.testing.PackagedService;
import org.ipc.testing.S3Server;
import org.ipc.testing.PostgresServer;
import org.ipc.testing.Sql;
import org.ipc.testing.RawHttp;
import org.ipc.testing.SmtpResource;
import org.ipc.testing.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.http.ContentType;
import jakarta.mail.MessagingException;

/**
 * Two replicas of the packaged service on one PostgreSQL behind a real load balancer (HAProxy), as a hospital runs
 * it to grow past one machine: work moves between replicas freely, the engine's jobs and the mail outbox are shared
 * and done once, and a replica killed under load loses no acknowledged case and lets no retry make a second one.
 * Figures in {@code target/cluster.md}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String MARK = "Synthetic cluster run, key ";
    private static final int CLIENTS = 16;

    private static PostgresServer postgres;
    private static Sql database;
    private static SharedStorage documents;
    private static TestIssuer issuer;
    private static Replica a;
    private static Replica b;
    private static LoadBalancer balancer;
    private static final HttpCalls HTTP = new HttpCalls(Duration.ofSeconds(30));
    private static final Map<String, String> FIGURES = new LinkedHashMap<>();

    /** Where every replica keeps documents, and what stops it (nothing, for a directory). */
    record SharedStorage(Map<String, String> environment, AutoCloseable server) {
    }

    /** A replica: its process, as the balancer names it, and its log. */
    record Replica(String name, PackagedService service, Path log) {

        URI base() {
            return service.base;
        }
    }

    @BeforeAll
    static void startTwoReplicasBehindABalancer() throws Exception {
        postgres = PostgresServer.start("cluster-postgres");
        database = new Sql(postgres);
        documents = sharedStorage();
        issuer = TestIssuer.start();
        int smtp = Integer.parseInt(new SmtpResource().start().get("quarkus.mailer.port"));
        Map<String, String> env = PackagedService.environment(postgres.jdbcUrl(), issuer.url(), smtp,
                Path.of("target", "cluster-documents"));
        env.putAll(documents.environment());
        // the outbox drained every second, and a lease short enough to see a killed replica's claims lapse
        env.put("IPC_MAIL_DRAIN_EVERY", "1s");
        env.put("IPC_MAIL_LEASE", "PT20S");
        // the job executor as production runs it, looking for due jobs at least every second instead of every minute,
        // and saying which jobs it acquired (to tell which replica ran a timer)
        String flags = PackagedService.productionJvmFlags()
                + " -Dquarkus.camunda.job-executor.generic-config.wait-time-in-millis=500"
                + " -Dquarkus.camunda.job-executor.generic-config.max-wait=1000"
                + " -Dquarkus.log.category.\"org.camunda.bpm.engine.jobexecutor\".level=DEBUG";
        long started = System.nanoTime();
        a = start("a", flags, env);
        b = start("b", flags, env);
        balancer = LoadBalancer.start(Map.of("a", a.service.port, "b", b.service.port), Path.of("target", "cluster"));
        FIGURES.put("replicas", "2 packaged replicas (production JVM flags) on one PostgreSQL 17, behind HAProxy "
                + "(round robin, readiness checked every 500 ms); started in %d s".formatted(
                        Duration.ofNanos(System.nanoTime() - started).toSeconds()));
    }

    /** The documents every replica reads and writes: one S3-compatible store (S3Proxy), as production has. */
    private static SharedStorage sharedStorage() {
        S3Server s3 = S3Server.start(Path.of("target", "cluster-s3"));
        return new SharedStorage(s3.serviceEnvironment(), s3);
    }

    private static Replica start(String name, String flags, Map<String, String> common) throws Exception {
        Map<String, String> env = new HashMap<>(common);
        env.put("QUARKUS_MAILER_OWN_HOST_NAME", "replica-" + name);
        env.put("MALLOC_ARENA_MAX", "2");
        Path log = Path.of("target", "cluster-replica-" + name + ".log");
        return new Replica(name, PackagedService.start(flags, env, log, Duration.ofSeconds(120)), log);
    }

    @AfterAll
    static void stopAll() throws Exception {
        StringBuilder md = new StringBuilder("# Two replicas behind a load balancer (ClusterIT)\n\n");
        FIGURES.forEach((what, figure) -> md.append("- **").append(what).append("**: ").append(figure).append('\n'));
        Files.writeString(Path.of("target", "cluster.md"), md);
        System.out.print(md);
        if (balancer != null) {
            balancer.close();
        }
        for (Replica r : new Replica[] { a, b }) {
            if (r != null && r.service.process.isAlive()) {
                r.service.stop();
            }
        }
        if (issuer != null) {
            issuer.close();
        }
        if (documents != null) {
            documents.server().close();
        }
        if (postgres != null) {
            postgres.close();
        }
        SmtpResource.stopServer();
    }

    @Test
    @Order(1)
    void aCaseSubmittedThroughOneReplicaIsWorkedThroughTheOther() {
        String caseId = submit(a.base(), physician(), CaseRequests.secondOpinion());

        String task = intakeTaskOf(b.base(), caseId);
        given().baseUri(b.base().toString()).auth().oauth2(coordinator("lin")).when()
                .post("/api/inbox/tasks/" + task + "/claim").then().statusCode(200);
        String status = given().baseUri(b.base().toString()).auth().oauth2(coordinator("lin"))
                .contentType(ContentType.JSON).body(Map.of("variables",
                        Map.of("decision", "accept", "recordsComplete", true, "recordsInEnglish", true)))
                .when().post("/api/inbox/tasks/" + task + "/complete")
                .then().statusCode(200).extract().path("caseStatus");

        assertThat(status).isEqualTo("UNDER_REVIEW");
        given().baseUri(a.base().toString()).auth().oauth2(physician()).when().get("/api/portal/cases/" + caseId)
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("UNDER_REVIEW"));
        FIGURES.put("one case, two replicas", "submitted through replica a, claimed and completed through replica b, "
                + "read as UNDER_REVIEW through replica a");
    }

    @Test
    @Order(2)
    void aDocumentUploadedThroughOneReplicaIsDownloadedThroughTheOtherByteForByte() throws Exception {
        String caseId = submit(a.base(), physician(), CaseRequests.secondOpinion());
        byte[] file = new byte[3 * 1024 * 1024];
        new Random(15).nextBytes(file);
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, file, 0, header.length);

        String documentId = given().baseUri(b.base().toString()).auth().oauth2(physician())
                .multiPart("file", "ct-series.pdf", file, "application/pdf")
                .when().post("/api/portal/cases/" + caseId + "/documents")
                .then().statusCode(201).extract().path("items[0].id");
        byte[] downloaded = given().baseUri(a.base().toString()).auth().oauth2(physician())
                .when().get("/api/portal/cases/" + caseId + "/documents/" + documentId)
                .then().statusCode(200).extract().asByteArray();

        assertThat(downloaded).isEqualTo(file);
        FIGURES.put("one document, two replicas", ("%d bytes uploaded through replica b, downloaded through replica a, "
                + "byte-identical (SHA-256 %s…)").formatted(file.length, sha256(file).substring(0, 16)));
    }

    @Test
    @Order(3)
    void twoCoordinatorsClaimingOneTaskOnDifferentReplicasAtOnceOneWins() throws Exception {
        int rounds = 10;
        Map<String, Integer> outcomes = new TreeMap<>();
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                String task = intakeTaskOf(a.base(), submit(balancer.base, physician(), CaseRequests.secondOpinion()));
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Answer> lin = two.submit(claim(a, "lin", task, together));
                Future<Answer> mei = two.submit(claim(b, "mei", task, together));
                Answer onA = lin.get(30, TimeUnit.SECONDS);
                Answer onB = mei.get(30, TimeUnit.SECONDS);

                assertThat(List.of(onA.status(), onB.status())).as("round %d: %s / %s", round, onA, onB)
                        .containsExactlyInAnyOrder(200, 409);
                Answer loser = onA.status() == 409 ? onA : onB;
                assertThat(loser.contentType()).startsWith("application/problem+json");
                Answer winner = onA.status() == 200 ? onA : onB;
                assertThat(assigneeOf(task)).isEqualTo(winner.json().path("assignee").asText()).isNotBlank();
                outcomes.merge("a " + onA.status() + ", b " + onB.status(), 1, Integer::sum);
            }
        } finally {
            two.shutdownNow();
        }
        FIGURES.put("claim races", ("%d rounds of two coordinators claiming one task at the same moment, one on each "
                + "replica: each round exactly one 200 and one 409 (%s)").formatted(rounds, outcomes));
    }

    @Test
    @Order(4)
    void aBusinessTimeTimerDueWhileBothReplicasRunFiresOnce() throws Exception {
        // escalations: the intake review's first-response timer (one business day) of several cases falls due at once
        int cases = 20;
        List<String> instances = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            instances.add(processInstanceOf(submit(balancer.base, physician(), CaseRequests.secondOpinion())));
        }
        List<String> escalationTimers = new ArrayList<>();
        for (String instance : instances) {
            escalationTimers.add(timerOf(instance, "FirstResponseLate"));
        }
        makeDue(escalationTimers);
        awaitCount("select count(*) from act_ru_task where task_def_key_ = 'LateFirstResponse' "
                + "and proc_inst_id_ = any(?)", instances, cases);
        Thread.sleep(3_000); // three more acquisition rounds of each replica: nothing fires again

        assertThat(database.count("select count(*) from act_ru_task where task_def_key_ = 'LateFirstResponse' "
                + "and proc_inst_id_ = any(?)", instances)).as("escalation tasks").isEqualTo(cases);
        for (String instance : instances) {
            assertThat(database.count("select count(*) from act_ru_task where task_def_key_ = 'LateFirstResponse' "
                    + "and proc_inst_id_ = any(?)", List.of(instance))).as("escalations of %s", instance).isEqualTo(1);
            assertThat(database.count("select count(*) from act_hi_actinst where act_id_ = 'FirstResponseLate' "
                    + "and proc_inst_id_ = any(?)", List.of(instance))).as("timer firings of %s", instance)
                    .isEqualTo(1);
        }
        assertThat(database.count("select count(*) from act_ru_job where id_ = any(?)", escalationTimers)).isZero();

        // a reminder mail: the records reminder (three business days) of a case waiting for records
        Map<String, Object> noConsent = CaseRequests.secondOpinion();
        @SuppressWarnings("unchecked")
        Map<String, Object> patient = (Map<String, Object>) noConsent.get("patient");
        patient.put("emailConsent", false);
        String caseId = submit(a.base(), physician(), noConsent);
        String intake = intakeTaskOf(b.base(), caseId);
        given().baseUri(b.base().toString()).auth().oauth2(coordinator("lin")).when()
                .post("/api/inbox/tasks/" + intake + "/claim").then().statusCode(200);
        complete(b, "lin", intake, Map.of("decision", "accept", "recordsComplete", false, "recordsInEnglish", true));
        complete(a, "lin", openTaskOf(a.base(), caseId, "RequestRecords"),
                Map.of("missingRecords", "Pathology report"));
        String reminderTimer = timerOf(processInstanceOf(caseId), "RecordsReminderDue");
        makeDue(List.of(reminderTimer));
        awaitCount("select count(*) from case_event where kind = 'RECORDS_REMINDER' and case_id::text = any(?)",
                List.of(caseId), 1);
        Thread.sleep(3_000);

        assertThat(database.count("select count(*) from case_event where kind = 'RECORDS_REMINDER' and case_id::text = any(?)",
                List.of(caseId))).as("reminders").isEqualTo(1);
        String reminderMail = awaitSent("select message_id from mail_outbox where milestone = 'RECORDS_REMINDER' "
                + "and case_id::text = any(?)", List.of(caseId));
        assertThat(Mailbox.all().stream().filter(m -> reminderMail.equals(m.messageId()))).as("reminder mails")
                .hasSize(1);

        List<String> timers = new ArrayList<>(escalationTimers);
        timers.add(reminderTimer);
        Map<String, List<String>> acquiredBy = acquisitions(timers);
        assertThat(acquiredBy.values().stream().flatMap(List::stream)).as("acquisitions of the due timers")
                .containsExactlyInAnyOrderElementsOf(timers);
        FIGURES.put("timers", ("%d first-response timers made due at once: %d escalation tasks, one per case, "
                + "each timer fired once; 1 records-reminder timer: 1 reminder, 1 mail; the %d jobs acquired by replica a: %d, "
                + "by replica b: %d; due jobs a replica selected but the other had locked first: %s; acquisition "
                + "rounds so far (both job executors polling): %s")
                .formatted(cases, cases, timers.size(), acquiredBy.get("a").size(), acquiredBy.get("b").size(),
                        lockConflicts(), logLines("ENGINE-14034")));
    }

    @Test
    @Order(5)
    void bothReplicasDrainTheOneOutboxAndEveryMailArrivesOnce() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<String>> submitted = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            submitted.add(clients.submit(() -> submit(balancer.base, physician(), CaseRequests.secondOpinion())));
        }
        for (Future<String> f : submitted) {
            f.get(60, TimeUnit.SECONDS);
        }
        clients.shutdown();
        awaitOutboxSettled(Duration.ofSeconds(60));

        List<String> outbox = database.strings("select message_id from mail_outbox where status = 'SENT'");
        assertThat(database.count("select count(*) from mail_outbox where status <> 'SENT'")).isZero();
        Map<String, Long> copies = receivedCopies();
        assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(outbox);
        assertThat(copies).allSatisfy((id, n) -> assertThat(n).as("copies of %s", id).isEqualTo(1L));
        Map<String, Long> bySender = sentBy();
        assertThat(bySender.keySet()).as("replicas that sent mail").containsExactlyInAnyOrder("replica-a", "replica-b");
        FIGURES.put("outbox", "%d mails in the one outbox (every phase so far), each received exactly once "
                .formatted(outbox.size()) + "(counted by Message-ID); sent by %s".formatted(bySender));
    }

    @Test
    @Order(6)
    void aForgedForwardedForChangesNeitherTheRateLimitBucketNorTheAuditedAddress() throws Exception {
        // a client at 127.0.0.5 behind the balancer (which appends the address it saw, and which the replicas trust)
        // writes a new X-Forwarded-For of its own each time: 60 a minute per replica (refilled one a second),
        // whatever it writes
        Map<Integer, Integer> answers = new TreeMap<>();
        for (int i = 0; i < 160; i++) {
            int status = RawHttp.sendTo(balancer.base, "127.0.0.5", "GET", "/api/office-hours?tz=Asia/Dubai",
                    "X-Forwarded-For: 198.18." + (i / 250) + "." + (i % 250)).status();
            answers.merge(status, 1, Integer::sum);
        }
        assertThat(answers.getOrDefault(429, 0)).as("answers to 160 calls with made-up addresses: %s", answers)
                .isGreaterThanOrEqualTo(20);
        assertThat(answers.getOrDefault(200, 0)).as("%s", answers).isLessThanOrEqualTo(130);
        // another client behind the same balancer has a bucket of its own
        assertThat(RawHttp.sendTo(balancer.base, "127.0.0.6", "GET", "/api/office-hours?tz=Asia/Dubai").status())
                .isEqualTo(200);

        // the audit trail names the client that called, not the address it made up (a physician with a case of
        // their own: listing their cases is audited)
        String token = issuer.token("dr-forged", "physician");
        submit(balancer.base, token, CaseRequests.secondOpinion());
        String requestId = "forged-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(RawHttp.sendTo(balancer.base, "127.0.0.5", "GET", "/api/portal/cases", "Authorization: Bearer "
                + token, "X-Forwarded-For: 198.18.9.9", "X-Request-Id: " + requestId).status()).isEqualTo(200);
        assertThat(database.single("select client_address from audit_event where request_id = ?", requestId))
                .isEqualTo("127.0.0.5");
        FIGURES.put("made-up client addresses", ("160 calls through the balancer from one client, each with an "
                + "X-Forwarded-For of its own: %s; the audit row of a call with a made-up address names 127.0.0.5")
                .formatted(answers));
    }

    @Test
    @Order(7)
    void uploadQuotasHoldBehindTheBalancer() {
        // a physician of their own: uploads announced through both replicas count against one quota
        String token = issuer.token("dr-quota", "physician");
        String first = submit(balancer.base, token, CaseRequests.secondOpinion());
        long twoGiB = 2L * 1024 * 1024 * 1024;
        for (int i = 0; i < 2; i++) {
            assertThat(announce(token, first, twoGiB).status()).isEqualTo(201);
        }
        Answer fullCase = announce(token, first, 1000);
        assertThat(fullCase.status()).as("%s", fullCase).isEqualTo(413);
        assertThat(fullCase.contentType()).isEqualTo("application/problem+json");
        assertThat(fullCase.json().path("errors").path(0).path("field").asText())
                .isEqualTo("ipc.uploads.quota.bytes-per-case");

        String second = submit(balancer.base, token, CaseRequests.secondOpinion());
        for (int i = 0; i < 2; i++) {
            assertThat(announce(token, second, twoGiB).status()).isEqualTo(201);
        }
        String third = submit(balancer.base, token, CaseRequests.secondOpinion());
        Answer fullPhysician = announce(token, third, 1000);
        assertThat(fullPhysician.status()).as("%s", fullPhysician).isEqualTo(413);
        assertThat(fullPhysician.json().path("errors").path(0).path("field").asText())
                .isEqualTo("ipc.uploads.quota.bytes-per-physician");
        // another physician is not held back by the first one's uploads, and may hold 8 open at once
        String other = issuer.token("dr-other", "physician");
        for (int c = 0; c < 2; c++) {
            String caseId = submit(balancer.base, other, CaseRequests.secondOpinion());
            for (int i = 0; i < 4; i++) {
                assertThat(announce(other, caseId, 1000).status()).isEqualTo(201);
            }
        }
        Answer ninth = announce(other, submit(balancer.base, other, CaseRequests.secondOpinion()), 1000);
        assertThat(ninth.status()).as("%s", ninth).isEqualTo(413);
        assertThat(ninth.json().path("errors").path(0).path("field").asText())
                .isEqualTo("ipc.uploads.quota.open-per-physician");
        FIGURES.put("upload quotas", "announced through the balancer: 4 GiB per case, 8 GiB and 8 uploads per "
                + "physician held, then 413 naming the limit; another physician unaffected by the first");
    }

    private static Answer announce(String token, String caseId, long length) {
        return HTTP.send(HTTP.request(balancer.base, "/api/portal/cases/" + caseId + "/uploads", token)
                .header("Tus-Resumable", "1.0.0").header("Upload-Length", String.valueOf(length))
                .header("Upload-Metadata", "filename " + java.util.Base64.getEncoder()
                        .encodeToString("study.dcm".getBytes(StandardCharsets.UTF_8)))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
    }

    @Test
    @Order(9)
    void aReplicaKilledUnderLoadLosesNoAcknowledgedCaseAndRetriesMakeNoSecond() throws Exception {
        record Call(String key, long sentAt, long millis, Answer answer) {
        }
        List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong killedAt = new AtomicLong();
        long t0 = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            clients.submit(() -> {
                while (running.get()) {
                    String key = UUID.randomUUID().toString();
                    long sent = millisSince(t0);
                    Answer answer = HTTP.post(balancer.base, "/api/portal/cases", physician(), marked(key),
                            Map.of("Idempotency-Key", key));
                    calls.add(new Call(key, sent, millisSince(t0) - sent, answer));
                }
            });
        }
        Thread.sleep(4_000);
        int answeredBeforeKill = calls.size();
        b.service.process.destroyForcibly(); // SIGKILL: no shutdown hook, no draining, connections cut
        killedAt.set(millisSince(t0));
        b.service.process.waitFor(10, TimeUnit.SECONDS);
        Thread.sleep(8_000);
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        double loadSeconds = millisSince(t0) / 1000.0;

        List<Call> all = List.copyOf(calls);
        Map<String, Long> byStatus = all.stream().collect(Collectors.groupingBy(
                c -> c.answer.status() == 0 ? "no answer (" + c.answer.failure() + ")"
                        : String.valueOf(c.answer.status()), TreeMap::new, Collectors.counting()));
        String unansweredWhen = all.stream().filter(c -> c.answer.status() != 201)
                .map(c -> c.sentAt + "+" + c.millis).collect(Collectors.joining(", "));
        Map<String, Long> byReplica = all.stream().filter(c -> c.answer.status() == 201).collect(Collectors.groupingBy(
                c -> String.valueOf(c.answer.replica()), TreeMap::new, Collectors.counting()));
        List<Call> unanswered = all.stream().filter(c -> c.answer.status() != 201).toList();
        for (Call c : unanswered) {
            assertThat(c.answer.status()).as("an unanswered submission: %s", c.answer).isIn(0, 502, 503, 504);
        }
        // every unanswered request again, with its key, through the balancer (replica a alone now)
        Map<String, Long> retries = new TreeMap<>();
        for (Call c : unanswered) {
            Answer again = HTTP.post(balancer.base, "/api/portal/cases", physician(), marked(c.key),
                    Map.of("Idempotency-Key", c.key));
            assertThat(again.status()).as("retry of %s: %s", c.key, again).isEqualTo(201);
            retries.merge("201", 1L, Long::sum);
        }

        Map<String, Integer> casesPerKey = database.casesPerKey(MARK);
        long lost = all.stream().filter(c -> c.answer.status() == 201 && casesPerKey.getOrDefault(c.key, 0) == 0)
                .count();
        long duplicates = casesPerKey.values().stream().filter(n -> n > 1).count();
        assertThat(lost).as("acknowledged cases missing").isZero();
        assertThat(duplicates).as("keys with more than one case").isZero();
        assertThat(casesPerKey.keySet()).containsExactlyInAnyOrderElementsOf(all.stream().map(Call::key).toList());
        for (Call c : all) {
            if (c.answer.status() == 201) {
                assertThat(c.answer.json().path("id").asText()).isEqualTo(caseIdOf(c.key));
            }
        }

        // the killed replica's claimed mail goes when its lease lapses; only mail it was handing over may go twice
        awaitOutboxSettled(Duration.ofSeconds(90));
        assertThat(database.count("select count(*) from mail_outbox where status <> 'SENT'")).isZero();
        Map<String, Long> copies = receivedCopies();
        assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(
                database.strings("select message_id from mail_outbox"));
        long twice = copies.values().stream().filter(n -> n > 1).count();
        assertThat(twice).as("mails sent twice (in flight at the kill)").isLessThanOrEqualTo(4);

        FIGURES.put("replica killed under load", ("%d clients submitting through the balancer for %.1f s; replica b "
                + "killed (SIGKILL) at %d ms, after %d answers; %d submissions: %s; 201s by replica %s; %d unanswered "
                + "retried with their Idempotency-Key: %s; cases lost 0, duplicates 0 (cases counted per key: %d keys, "
                + "%d cases); unanswered ones sent at + took (ms): %s").formatted(CLIENTS, loadSeconds, killedAt.get(),
                        answeredBeforeKill, all.size(), byStatus, byReplica, unanswered.size(), retries,
                        casesPerKey.size(), casesPerKey.values().stream().mapToInt(Integer::intValue).sum(),
                        unansweredWhen));
        FIGURES.put("mail after the kill", ("every mail of the run sent (%d), the killed replica's claims taken over "
                + "after their lease; mails received twice: %d (at most the 4 the killed replica was handing over)")
                .formatted(copies.size(), twice));
    }

    // --- the calls, as clients make them

    private static String physician() {
        return issuer.token("dr-cluster", "physician");
    }

    private static String coordinator(String user) {
        return issuer.token(user, "coordinator", "lang:pt", "lang:en");
    }

    private static Map<String, Object> marked(String key) {
        Map<String, Object> request = CaseRequests.secondOpinion();
        request.put("clinicalSummary", MARK + key);
        return request;
    }

    private static String submit(URI base, String token, Map<String, Object> request) {
        Answer a = HTTP.post(base, "/api/portal/cases", token, request, Map.of());
        assertThat(a.status()).as("%s", a).isEqualTo(201);
        return a.json().path("id").asText();
    }

    private static String intakeTaskOf(URI base, String caseId) {
        return openTaskOf(base, caseId, "IntakeReview");
    }

    private static String openTaskOf(URI base, String caseId, String taskKey) {
        List<Map<String, Object>> items = given().baseUri(base.toString()).auth().oauth2(coordinator("lin"))
                .queryParam("caseId", caseId).queryParam("size", 100)
                .when().get("/api/inbox/tasks").then().statusCode(200).extract().jsonPath().getList("items");
        return (String) items.stream().filter(t -> taskKey.equals(t.get("taskKey"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + taskKey + " task for " + caseId + " in " + items))
                .get("id");
    }

    private static void complete(Replica r, String user, String task, Map<String, Object> variables) {
        given().baseUri(r.base().toString()).auth().oauth2(coordinator(user)).contentType(ContentType.JSON)
                .body(Map.of("variables", variables)).when().post("/api/inbox/tasks/" + task + "/complete")
                .then().statusCode(200);
    }

    private static Callable<Answer> claim(Replica r, String user, String task, CyclicBarrier together) {
        String token = coordinator(user);
        return () -> {
            together.await(10, TimeUnit.SECONDS);
            return HTTP.post(r.base(), "/api/inbox/tasks/" + task + "/claim", token, "", Map.of());
        };
    }

    // --- what the database says

    private static String processInstanceOf(String caseId) throws SQLException {
        return database.single("select process_instance_id from patient_case where id::text = ?", caseId);
    }

    private static String caseIdOf(String key) throws SQLException {
        return database.single("select id::text from patient_case where clinical_summary = ?", MARK + key);
    }

    private static String assigneeOf(String task) throws SQLException {
        return database.single("select assignee_ from act_ru_task where id_ = ?", task);
    }

    private static String timerOf(String processInstance, String activity) throws SQLException {
        return database.single("select j.id_ from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ "
                + "where j.process_instance_id_ = ? and d.act_id_ = '" + activity + "'", processInstance);
    }

    /** The engine's own record of when a timer is due, set to a moment ago: legitimate in a test, as Camunda's are. */
    private static void makeDue(List<String> jobs) throws SQLException {
        assertThat(database.update("update act_ru_job set duedate_ = localtimestamp - interval '5 seconds'"
                + " where id_ = any(?)", jobs)).isEqualTo(jobs.size());
    }

    private static void awaitCount(String sql, List<String> ids, long expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (database.count(sql, ids) < expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(database.count(sql, ids)).as(sql).isEqualTo(expected);
    }

    private static String awaitSent(String sql, List<String> ids) throws Exception {
        awaitOutboxSettled(Duration.ofSeconds(60));
        List<String> sent = database.strings(sql, ids);
        assertThat(sent).as("one mail: " + sql).hasSize(1);
        return sent.get(0);
    }

    private static void awaitOutboxSettled(Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (database.count("select count(*) from mail_outbox where status in ('PENDING', 'SENDING')") > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
    }

    // --- what the mail server and the replicas' logs say

    private static Map<String, Long> receivedCopies() {
        return Mailbox.all().stream()
                .collect(Collectors.groupingBy(Mailbox.Received::messageId, Collectors.counting()));
    }

    /** Mails received per sending replica, from the HELO name each gives the SMTP server (its own host name). */
    private static Map<String, Long> sentBy() {
        Pattern helo = Pattern.compile("\\(HELO ([^)]+)\\)");
        return Mailbox.all().stream().collect(Collectors.groupingBy(m -> {
            try {
                String[] received = m.raw().getHeader("Received");
                Matcher name = helo.matcher(received == null ? "" : String.join(" ", received));
                return name.find() ? name.group(1) : "unknown";
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }, TreeMap::new, Collectors.counting()));
    }

    /** Which replica's job executor acquired each of these jobs, from its acquisition log (ENGINE-14022). */
    private static Map<String, List<String>> acquisitions(List<String> jobs) throws Exception {
        Map<String, List<String>> byReplica = new TreeMap<>();
        for (Replica r : List.of(a, b)) {
            List<String> acquired = new ArrayList<>();
            for (String line : Files.readAllLines(r.log)) {
                if (line.contains("ENGINE-14022")) {
                    jobs.stream().filter(line::contains).forEach(acquired::add);
                }
            }
            byReplica.put(r.name, acquired);
        }
        return byReplica;
    }

    /** Lines of each replica's log that hold this text. */
    private static Map<String, Long> logLines(String text) throws Exception {
        Map<String, Long> byReplica = new TreeMap<>();
        for (Replica r : List.of(a, b)) {
            byReplica.put(r.name, Files.readAllLines(r.log).stream().filter(l -> l.contains(text)).count());
        }
        return byReplica;
    }

    /** Due jobs a replica selected but the other had locked first, from the acquisition log (ENGINE-14033). */
    private static Map<String, Long> lockConflicts() throws Exception {
        Pattern failed = Pattern.compile("ENGINE-14033 .*: (\\d+)\\s*$");
        Map<String, Long> byReplica = new TreeMap<>();
        for (Replica r : List.of(a, b)) {
            byReplica.put(r.name, Files.readAllLines(r.log).stream().map(failed::matcher).filter(Matcher::find)
                    .mapToLong(m -> Long.parseLong(m.group(1))).sum());
        }
        return byReplica;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static long millisSince(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0).toMillis();
    }
}
