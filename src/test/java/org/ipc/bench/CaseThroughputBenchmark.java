package org.ipc.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ipc.cases.CaseStatus;
import org.ipc.cases.CaseType;
import org.ipc.cases.CaseSnapshot;
import org.ipc.cases.PatientCase;
import org.ipc.cases.Urgency;
import org.ipc.patients.Patient;
import org.ipc.physicians.ReferringPhysician;
import org.ipc.testing.CaseRequests;
import org.ipc.testing.PackagedService;
import org.ipc.testing.SmtpResource;
import org.ipc.testing.TestIssuer;
import org.ipc.workflow.TaskRouting;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Benchmark, not a test (tag {@code benchmark}, outside {@code ./mvnw verify}; run it with {@code bench/cases.sh}).
 * On the tests' embedded PostgreSQL it
 * <ol>
 * <li>starts the packaged service ({@code target/quarkus-app/quarkus-run.jar}) as production does, on its own
 * database, twice: once creating its schema, once on the existing schema (the start time reported);</li>
 * <li>submits {@code bench.cases} cases through {@code POST /api/portal/cases} from {@code bench.clients} concurrent
 * clients (one physician each), then completes every case's intake task through the inbox API (find it with
 * {@code GET /api/inbox/tasks?caseId=}, claim, complete), recording every call's latency;</li>
 * <li>submits {@code bench.latency.cases} more cases from {@code bench.latency.clients} clients (4: two per core, below
 * saturation), where a physician's wait is latency, not queueing;</li>
 * <li>reads the service's resident memory, and stops it;</li>
 * <li>runs {@code pgbench -b simple-update} with the same number of clients against the same PostgreSQL server
 * (its own database): the ceiling;</li>
 * <li>starts the same process with the same variables through Camunda's API in this JVM (the engine alone, with
 * our delegates and listeners, without HTTP, JSON, tokens, validation or our own rows) and completes the intake
 * tasks through {@code TaskService};</li>
 * <li>the floors: the service's cheapest authenticated call ({@code GET /api/departments}), before it stops, and an
 * empty one-task process started in this JVM.</li>
 * </ol>
 * Prints one markdown table and writes it to {@code target/bench/cases.txt}, and its figures, one
 * {@code name=value} a line, to {@code target/bench/cases.properties} (read by {@code bench/side-by-side.sh}).
 */
@QuarkusTest
@Tag("benchmark")
class CaseThroughputBenchmark {

    private static final int CASES = Integer.getInteger("bench.cases", 500);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 16);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 200);
    private static final int ENGINE_CASES = Integer.getInteger("bench.engine.cases", CASES);
    /** Submission latency is also measured at this many clients: two per core, below saturation (issue 20). */
    private static final int LATENCY_CLIENTS = Integer.getInteger("bench.latency.clients", 4);
    private static final int LATENCY_CASES = Integer.getInteger("bench.latency.cases", Math.min(CASES, 1000));
    private static final int PGBENCH_SECONDS = Integer.getInteger("bench.pgbench.seconds", 30);
    private static final String PGBENCH = System.getProperty("bench.pgbench", "pgbench");
    private static final String JVM_FLAGS = System.getProperty("bench.jvm", "-Xmx256m").trim();
    private static final String SERVICE_ENV = System.getProperty("bench.env", "").trim();
    private static final String LABEL = System.getProperty("bench.label", "").trim();
    private static final Duration TOKEN_REFRESH = Duration.ofMinutes(4);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final String SECOND_OPINION = "second-opinion";
    private static final String EMPTY_PROCESS = "bench-empty";
    private static final Map<String, Object> INTAKE_ANSWERS = Map.of("decision", "accept", "recordsComplete", true,
            "recordsInEnglish", true);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RuntimeService runtime;

    @Inject
    TaskService taskService;

    @Inject
    RepositoryService repository;

    @Inject
    IdentityService identity;

    @Inject
    TaskRouting routing;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void casesThroughTheServiceAgainstTheDatabasesCeiling() throws Exception {
        String loadBefore = loadAverage();
        int pgPort = postgresPort();
        sql("drop database if exists ipc_service", "create database ipc_service",
                "drop database if exists pgbench_ceiling", "create database pgbench_ceiling");
        Path out = Files.createDirectories(Path.of("target", "bench"));

        Figures f = new Figures();
        try (TestIssuer issuer = TestIssuer.start()) {
            PackagedService service = startService(pgPort, issuer, out.resolve("service-first-start.log"));
            f.firstStartMillis = service.readyMillis;
            service.stop();
            service = startService(pgPort, issuer, out.resolve("service.log"));
            f.startMillis = service.readyMillis;
            try {
                Clients clients = new Clients(issuer, service.base);
                System.out.printf("service ready in %d ms; warm-up: %d cases%n", f.startMillis, WARMUP);
                String[] warm = new String[WARMUP];
                clients.submit(warm, new Latencies(WARMUP));
                clients.completeIntake(warm, new Latencies(WARMUP), new Latencies(WARMUP), new Latencies(WARMUP));

                System.out.printf("submitting %d cases with %d clients%n", CASES, CLIENTS);
                String[] caseIds = new String[CASES];
                long cpu = service.cpuMillis();
                long pgCpu = postgresCpuMillis();
                long[] writes = databaseWrites(pgPort);
                Map<String, Long> tableWrites = tableWrites(pgPort);
                f.phases.begin("submit");
                f.submitNanos = clients.submit(caseIds, f.submit);
                f.phases.end();
                f.submitCpuMillis = service.cpuMillis() - cpu;
                f.submitPgCpuMillis = postgresCpuMillis() - pgCpu;
                f.submitRowsWritten = databaseWrites(pgPort)[0] - writes[0];
                rowsPerCase(tableWrites, tableWrites(pgPort), out.resolve("rows-per-case.txt"));
                System.out.printf("completing %d intake tasks with %d clients%n", CASES, CLIENTS);
                cpu = service.cpuMillis();
                pgCpu = postgresCpuMillis();
                f.phases.begin("complete");
                f.completeNanos = clients.completeIntake(caseIds, f.find, f.claim, f.complete);
                f.phases.end();
                f.completeCpuMillis = service.cpuMillis() - cpu;
                f.completePgCpuMillis = postgresCpuMillis() - pgCpu;
                System.out.printf("submission latency: %d cases with %d clients%n", LATENCY_CASES, LATENCY_CLIENTS);
                cpu = service.cpuMillis();
                pgCpu = postgresCpuMillis();
                f.phases.begin("latency");
                f.latencyNanos = clients.submit(new String[LATENCY_CASES], f.latency, LATENCY_CLIENTS);
                f.phases.end();
                f.latencyCpuMillis = service.cpuMillis() - cpu;
                f.latencyPgCpuMillis = postgresCpuMillis() - pgCpu;
                System.out.printf("floor: %d GET /api/departments with %d clients%n", CASES, CLIENTS);
                f.phases.begin("floor");
                f.floorNanos = clients.departments(CASES, f.floor);
                f.phases.end();
                Files.writeString(out.resolve("phases.txt"), f.phases.toString());
                f.rssKb = service.residentKb();
                f.mailsDelivered = SmtpResource.server().getReceivedMessages().length;
                tableScans(pgPort, out.resolve("table-scans.txt"));
            } finally {
                service.stop();
            }
        }

        System.out.printf("pgbench -b simple-update -c %d for %d s%n", CLIENTS, PGBENCH_SECONDS);
        f.pgbenchTps = pgbench(pgPort);

        System.out.printf("engine alone: %d process starts and intake completions in this JVM%n", ENGINE_CASES);
        engineAlone(f);
        f.loadBefore = loadBefore;
        f.loadAfter = loadAverage();
        f.postgresSettings = postgresSettings();
        Files.writeString(out.resolve("cases.properties"), f.properties());

        String table = f.table();
        Files.writeString(out.resolve("cases.txt"), table);
        System.out.println();
        System.out.println(table);
    }

    // ---------------------------------------------------------------- the packaged service

    /** The packaged service on its own database, with the benchmark's flags; its mail goes to this JVM's SMTP server. */
    private static PackagedService startService(int pgPort, TestIssuer issuer, Path log) throws Exception {
        Map<String, String> env = PackagedService.environment("jdbc:postgresql://localhost:" + pgPort + "/ipc_service",
                issuer.url(), ConfigProvider.getConfig().getValue("quarkus.mailer.port", Integer.class),
                Path.of("target", "bench", "documents"));
        for (String pair : SERVICE_ENV.isEmpty() ? new String[0] : SERVICE_ENV.split("\\s+")) {
            int eq = pair.indexOf('=');
            env.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return PackagedService.start(JVM_FLAGS, env, log, Duration.ofSeconds(120));
    }

    /** The load driver: {@link #CLIENTS} threads, each a physician and a coordinator with its own token. */
    private final class Clients {
        private final URI base;
        private final Token[] physicians = new Token[Math.max(CLIENTS, LATENCY_CLIENTS)];
        private final Token[] coordinators = new Token[CLIENTS];
        private final String caseBody;
        private final String intakeBody;

        Clients(TestIssuer issuer, URI base) throws IOException {
            this.base = base;
            for (int c = 0; c < physicians.length; c++) {
                physicians[c] = new Token(issuer, "bench-physician-" + c, "physician");
            }
            for (int c = 0; c < CLIENTS; c++) {
                coordinators[c] = new Token(issuer, "bench-coordinator-" + c, "coordinator", "lang:pt", "lang:en");
            }
            caseBody = JSON.writeValueAsString(CaseRequests.secondOpinion());
            intakeBody = JSON.writeValueAsString(Map.of("variables", INTAKE_ANSWERS));
        }

        /** Submits {@code ids.length} cases; fills {@code ids}; answers the wall time in nanoseconds. */
        long submit(String[] ids, Latencies latencies) throws Exception {
            return submit(ids, latencies, CLIENTS);
        }

        /** The same from {@code threads} clients. */
        long submit(String[] ids, Latencies latencies, int threads) throws Exception {
            return inParallel(threads, ids.length, (client, i) -> {
                HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/portal/cases"))
                        .header("Authorization", "Bearer " + physicians[client].get())
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString(caseBody)).build();
                ids[i] = JSON.readTree(call(request, 201, latencies)).get("id").asText();
            });
        }

        /**
         * The service's own floor: {@code count} calls of the cheapest authenticated endpoint (the department list,
         * held in memory: HTTP, the token check, JSON, no database); answers the wall time in nanoseconds.
         */
        long departments(int count, Latencies latencies) throws Exception {
            return inParallel(count, (client, i) -> call(HttpRequest.newBuilder(base.resolve("/api/departments"))
                    .header("Authorization", "Bearer " + physicians[client].get()).build(), 200, latencies));
        }

        /** Finds, claims and completes the intake task of every case; answers the wall time in nanoseconds. */
        long completeIntake(String[] ids, Latencies find, Latencies claim, Latencies complete) throws Exception {
            return inParallel(ids.length, (client, i) -> {
                String bearer = "Bearer " + coordinators[client].get();
                JsonNode items = JSON.readTree(call(HttpRequest.newBuilder(
                        base.resolve("/api/inbox/tasks?assignee=unassigned&caseId=" + ids[i]))
                        .header("Authorization", bearer).build(), 200, find)).get("items");
                String taskId = null;
                for (JsonNode item : items) {
                    if ("IntakeReview".equals(item.get("taskKey").asText())) {
                        taskId = item.get("id").asText();
                    }
                }
                if (taskId == null) {
                    throw new IllegalStateException("no intake task for case " + ids[i] + ": " + items);
                }
                call(HttpRequest.newBuilder(base.resolve("/api/inbox/tasks/" + taskId + "/claim"))
                        .header("Authorization", bearer).POST(HttpRequest.BodyPublishers.noBody()).build(), 200, claim);
                call(HttpRequest.newBuilder(base.resolve("/api/inbox/tasks/" + taskId + "/complete"))
                        .header("Authorization", bearer).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(intakeBody)).build(), 200, complete);
            });
        }

        private String call(HttpRequest request, int expected, Latencies latencies) throws Exception {
            // a service that stops answering (out of memory, say) fails the run instead of hanging it
            HttpRequest bounded = HttpRequest.newBuilder(request, (name, value) -> true).timeout(CALL_TIMEOUT).build();
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(bounded, HttpResponse.BodyHandlers.ofString());
            latencies.record(System.nanoTime() - start);
            if (response.statusCode() != expected) {
                throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
    }

    /** A bearer token re-signed before it expires (the issuer's tokens live five minutes). */
    private static final class Token {
        private final TestIssuer issuer;
        private final String user;
        private final String[] roles;
        private String token;
        private long signedAt;

        Token(TestIssuer issuer, String user, String... roles) {
            this.issuer = issuer;
            this.user = user;
            this.roles = roles;
        }

        synchronized String get() {
            if (token == null || System.nanoTime() - signedAt > TOKEN_REFRESH.toNanos()) {
                token = issuer.token(user, roles);
                signedAt = System.nanoTime();
            }
            return token;
        }
    }

    // ---------------------------------------------------------------- the ceiling: pgbench

    private double pgbench(int pgPort) throws Exception {
        List<String> connection = List.of("-h", "127.0.0.1", "-p", String.valueOf(pgPort), "-U", "postgres");
        run(concat(List.of(PGBENCH, "-i", "-q"), connection, List.of("pgbench_ceiling")));
        String output = run(concat(List.of(PGBENCH, "-b", "simple-update", "-c", String.valueOf(CLIENTS), "-j",
                String.valueOf(Math.min(CLIENTS, Runtime.getRuntime().availableProcessors())), "-T",
                String.valueOf(PGBENCH_SECONDS)), connection, List.of("pgbench_ceiling")));
        Files.writeString(Path.of("target", "bench", "pgbench.txt"), output);
        Matcher tps = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("no tps in pgbench's output:\n" + output);
        }
        return Double.parseDouble(tps.group(1));
    }

    private static String run(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", "postgres");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(command.get(0) + " did not run; install it (Debian: postgresql-client)", e);
        }
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    // ---------------------------------------------------------------- the engine alone

    /**
     * The same process, started with the same variables through {@code RuntimeService} in this JVM, each start in
     * its own transaction like a request's; then each intake task found, claimed and completed through
     * {@code TaskService}, three transactions like the three calls. Our delegates and listeners run (they are part
     * of the model); the case rows they read are created beforehand, outside the timing.
     */
    private void engineAlone(Figures f) throws Exception {
        List<PatientCase> warm = cases(WARMUP, "W");
        List<PatientCase> measured = cases(ENGINE_CASES, "M");
        String[] processes = new String[Math.max(WARMUP, ENGINE_CASES)];
        startProcesses(warm, processes, new Latencies(WARMUP));
        completeIntake(warm.size(), processes);
        f.engineStartNanos = startProcesses(measured, processes, f.engineStart);
        f.engineCompleteNanos = completeIntake(measured.size(), processes);
        f.emptyProcessNanos = emptyProcesses(f.emptyProcess);
    }

    /**
     * The engine's floor: a process of nothing but a start event and one user task, started {@link #ENGINE_CASES}
     * times (after as many warm-up starts) with one variable, one transaction each, from {@link #CLIENTS} threads.
     * No business time, no delegates, no listeners of ours: what the least process per case costs on this machine.
     */
    private long emptyProcesses(Latencies latencies) throws Exception {
        BpmnModelInstance model = Bpmn.createExecutableProcess(EMPTY_PROCESS).camundaHistoryTimeToLive(1)
                .startEvent().userTask("Work").camundaCandidateGroups("bench-floor").endEvent().done();
        QuarkusTransaction.requiringNew().run(() -> repository.createDeployment()
                .addModelInstance(EMPTY_PROCESS + ".bpmn", model).deploy());
        Operation start = (client, i) -> QuarkusTransaction.requiringNew().run(() -> runtime
                .startProcessInstanceByKey(EMPTY_PROCESS, Map.of("caseId", UUID.randomUUID().toString())));
        inParallel(ENGINE_CASES, start);
        return inParallel(ENGINE_CASES, (client, i) -> {
            long begin = System.nanoTime();
            start.run(client, i);
            latencies.record(System.nanoTime() - begin);
        });
    }

    private long startProcesses(List<PatientCase> cases, String[] processes, Latencies latencies) throws Exception {
        return inParallel(cases.size(), (client, i) -> {
            PatientCase c = cases.get(i);
            Map<String, Object> variables = routing.variablesFor(CaseSnapshot.of(c));
            long start = System.nanoTime();
            processes[i] = QuarkusTransaction.requiringNew().call(() -> {
                identity.setAuthenticatedUserId("bench-physician-" + client);
                try {
                    return runtime.startProcessInstanceByKey(SECOND_OPINION, c.reference, variables).getId();
                } finally {
                    identity.clearAuthentication();
                }
            });
            latencies.record(System.nanoTime() - start);
        });
    }

    private long completeIntake(int count, String[] processes) throws Exception {
        return inParallel(count, (client, i) -> {
            String coordinator = "bench-coordinator-" + client;
            String taskId = QuarkusTransaction.requiringNew().call(() -> {
                Task task = taskService.createTaskQuery().processInstanceId(processes[i])
                        .taskDefinitionKey("IntakeReview").taskCandidateGroup("coordinator:pt").singleResult();
                return task.getId();
            });
            QuarkusTransaction.requiringNew().run(() -> taskService.claim(taskId, coordinator));
            QuarkusTransaction.requiringNew().run(() -> {
                identity.setAuthentication(coordinator, List.of("coordinator", "coordinator:pt", "coordinator:en"));
                try {
                    taskService.complete(taskId, INTAKE_ANSWERS);
                } finally {
                    identity.clearAuthentication();
                }
            });
        });
    }

    /** Case rows for the engine-alone run (the acknowledge step updates them), in batches, untimed. */
    private List<PatientCase> cases(int count, String prefix) {
        List<PatientCase> all = new ArrayList<>();
        for (int done = 0; done < count; done += 500) {
            int batch = Math.min(500, count - done);
            int first = done;
            all.addAll(QuarkusTransaction.requiringNew().call(() -> {
                ReferringPhysician physician = new ReferringPhysician();
                physician.id = UUID.randomUUID();
                physician.subject = "bench-engine-" + prefix + first;
                physician.createdAt = Instant.now();
                physician.updatedAt = physician.createdAt;
                physician.persist();
                List<PatientCase> created = new ArrayList<>();
                for (int i = 0; i < batch; i++) {
                    Patient patient = new Patient();
                    patient.id = UUID.randomUUID();
                    patient.givenName = "Ana";
                    patient.familyName = "Souza";
                    patient.birthDate = LocalDate.of(1968, 4, 2);
                    patient.sex = "female";
                    patient.countryOfResidence = "BR";
                    patient.preferredLanguage = "pt-BR";
                    patient.timeZone = "America/Sao_Paulo";
                    patient.emailConsent = true;
                    patient.createdAt = Instant.now();
                    patient.persist();
                    PatientCase c = new PatientCase();
                    c.id = UUID.randomUUID();
                    c.reference = "BENCH-" + prefix + "-" + (first + i);
                    c.type = CaseType.SECOND_OPINION;
                    c.department = "cancer-center";
                    c.urgency = Urgency.ROUTINE;
                    c.clinicalSummary = "Synthetic summary: suspected lesion, imaging attached later.";
                    c.status = CaseStatus.SUBMITTED;
                    c.patient = patient;
                    c.physician = physician;
                    c.createdAt = Instant.now();
                    c.updatedAt = c.createdAt;
                    c.persist();
                    created.add(c);
                }
                return created;
            }));
        }
        return all;
    }

    // ---------------------------------------------------------------- plumbing

    @FunctionalInterface
    private interface Operation {
        void run(int client, int index) throws Exception;
    }

    /** Runs {@code count} operations on {@link #CLIENTS} threads; answers the wall time in nanoseconds. */
    private static long inParallel(int count, Operation operation) throws Exception {
        return inParallel(CLIENTS, count, operation);
    }

    /** Runs {@code count} operations on {@code clients} threads; answers the wall time in nanoseconds. */
    private static long inParallel(int clients, int count, Operation operation) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                int i;
                while (failure.get() == null && (i = next.getAndIncrement()) < count) {
                    try {
                        operation.run(client, i);
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }, "bench-client-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return System.nanoTime() - start;
    }

    /**
     * CPU time used so far by the PostgreSQL server: the postmaster, its live backends (the pools keep their
     * connections), and the children that have exited.
     */
    private long postgresCpuMillis() throws Exception {
        long postmaster;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            postmaster = parentOf(rs.getLong(1));
        }
        long ticks = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path dir : processes.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                String[] f;
                try {
                    f = statFields(dir);
                } catch (IOException gone) {
                    continue;
                }
                long pid = Long.parseLong(dir.getFileName().toString());
                if (pid == postmaster) {
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                } else if (Long.parseLong(f[1]) == postmaster) {
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                }
            }
        }
        return ticks * 10;
    }

    private static long parentOf(long pid) throws IOException {
        return Long.parseLong(statFields(Path.of("/proc", String.valueOf(pid)))[1]);
    }

    /** The fields of /proc/<pid>/stat after the command name: state is [0], ppid [1], utime [11], stime [12]. */
    private static String[] statFields(Path procDir) throws IOException {
        String stat = Files.readString(procDir.resolve("stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    /**
     * Rows inserted, updated and deleted so far in the service's database (PostgreSQL's statistics, which
     * backends report about once a second: hence the pause).
     */
    private static long[] databaseWrites(int pgPort) throws Exception {
        Thread.sleep(1500);
        try (Connection c = serviceDatabase(pgPort); Statement s = c.createStatement();
                var rs = s.executeQuery("select tup_inserted + tup_updated + tup_deleted from pg_stat_database"
                        + " where datname = 'ipc_service'")) {
            rs.next();
            return new long[] { rs.getLong(1) };
        }
    }

    /** A connection to the service's own database, for PostgreSQL's statistics of it. */
    private static Connection serviceDatabase(int pgPort) throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/ipc_service",
                "postgres", "postgres");
    }

    /** Rows inserted, updated and deleted so far in each table of the service's database. */
    private static Map<String, Long> tableWrites(int pgPort) throws Exception {
        Map<String, Long> writes = new java.util.TreeMap<>();
        try (Connection c = serviceDatabase(pgPort); Statement s = c.createStatement();
                var rs = s.executeQuery("select relname, n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables")) {
            while (rs.next()) {
                writes.put(rs.getString(1), rs.getLong(2) + rs.getLong(3) + rs.getLong(4));
            }
        }
        return writes;
    }

    /** Which tables the submissions wrote, per case: where the rows of a case go. */
    private static void rowsPerCase(Map<String, Long> before, Map<String, Long> after, Path file) throws IOException {
        StringBuilder report = new StringBuilder("table, rows written per case submitted (inserts + updates + deletes)\n");
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> report.append(String.format(Locale.ROOT, "%s, %.2f%n", e.getKey(),
                        e.getValue() / (double) CASES)));
        Files.writeString(file, report);
    }

    /** The service's tables most read by sequential scans: where an index would be missing. */
    private static void tableScans(int pgPort, Path file) throws Exception {
        StringBuilder report = new StringBuilder("table, seq_scan, seq_tup_read, idx_scan, n_live_tup\n");
        try (Connection c = serviceDatabase(pgPort); Statement s = c.createStatement();
                var rs = s.executeQuery("select relname, seq_scan, seq_tup_read, idx_scan, n_live_tup"
                        + " from pg_stat_user_tables order by seq_tup_read desc limit 15")) {
            while (rs.next()) {
                report.append(String.format("%s, %d, %d, %d, %d%n", rs.getString(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5)));
            }
        }
        Files.writeString(file, report);
    }

    private int postgresPort() {
        Matcher port = Pattern.compile("//[^:/]+:(\\d+)/").matcher(jdbcUrl);
        if (!port.find()) {
            throw new IllegalStateException("no port in " + jdbcUrl);
        }
        return Integer.parseInt(port.group(1));
    }

    private void sql(String... statements) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    /** The server settings a comparison must match (bench/side-by-side.sh gives the peer's PostgreSQL the same). */
    private String postgresSettings() throws Exception {
        StringBuilder settings = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery("select name, setting, unit from pg_settings where name in ('fsync',"
                        + " 'synchronous_commit', 'full_page_writes', 'shared_buffers', 'max_connections')"
                        + " order by name")) {
            while (rs.next()) {
                settings.append(settings.isEmpty() ? "" : " ").append(rs.getString(1)).append('=')
                        .append(rs.getString(2)).append(rs.getString(3) == null ? "" : "x" + rs.getString(3));
            }
        }
        return settings.toString();
    }

    private static String loadAverage() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }

    /**
     * When each measured phase ran (UTC time of day, as {@code jfr print} shows a sample's time), so that a
     * recording of the service can be cut to one phase: {@code bench/jfr-top.sh recording.jfr 25 FROM TO}.
     */
    private static final class Phases {
        private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
                .ofPattern("HH:mm:ss").withZone(java.time.ZoneOffset.UTC);
        private final StringBuilder lines = new StringBuilder("phase from to (UTC)\n");

        void begin(String phase) {
            lines.append(phase).append(' ').append(TIME.format(Instant.now()));
        }

        void end() {
            lines.append(' ').append(TIME.format(Instant.now())).append('\n');
        }

        @Override
        public String toString() {
            return lines.toString();
        }
    }

    /** What one run measured, and the one table it prints. */
    private static final class Figures {
        long firstStartMillis;
        long startMillis;
        final Latencies submit = new Latencies(CASES);
        final Latencies find = new Latencies(CASES);
        final Latencies claim = new Latencies(CASES);
        final Latencies complete = new Latencies(CASES);
        final Latencies engineStart = new Latencies(ENGINE_CASES);
        final Latencies floor = new Latencies(CASES);
        final Latencies emptyProcess = new Latencies(ENGINE_CASES);
        final Latencies latency = new Latencies(LATENCY_CASES);
        long latencyNanos;
        long latencyCpuMillis;
        long latencyPgCpuMillis;
        String postgresSettings;
        final Phases phases = new Phases();
        long floorNanos;
        long emptyProcessNanos;
        long submitNanos;
        long completeNanos;
        long submitCpuMillis;
        long completeCpuMillis;
        long submitPgCpuMillis;
        long submitRowsWritten;
        long completePgCpuMillis;
        long rssKb;
        long mailsDelivered;
        double pgbenchTps;
        long engineStartNanos;
        long engineCompleteNanos;
        String loadBefore;
        String loadAfter;

        String table() {
            double casesPerSecond = CASES / (submitNanos / 1e9);
            double completionsPerSecond = CASES / (completeNanos / 1e9);
            double engineStarts = ENGINE_CASES / (engineStartNanos / 1e9);
            double engineCompletions = ENGINE_CASES / (engineCompleteNanos / 1e9);
            double ratio = casesPerSecond / pgbenchTps;
            StringBuilder t = new StringBuilder();
            t.append(String.format(Locale.ROOT, "Case throughput%s: %d cases, %d clients, %d warm-up cases, %s cores, "
                    + "load average %s before, %s after%n", LABEL.isEmpty() ? "" : " (" + LABEL + ")", CASES, CLIENTS,
                    WARMUP, Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter));
            t.append(String.format("PostgreSQL: %s%n", postgresSettings));
            t.append(String.format("Service JVM flags: %s%s%n%n", JVM_FLAGS.isEmpty() ? "(none)" : JVM_FLAGS,
                    SERVICE_ENV.isEmpty() ? "" : "; environment: " + SERVICE_ENV));
            t.append("| measure | value | target |\n| --- | --- | --- |\n");
            row(t, "start, JVM launch to /q/health/ready UP (existing schema)", seconds(startMillis),
                    check(startMillis <= 3000, "<= 3 s"));
            row(t, "start on an empty database (creates the schema)", seconds(firstStartMillis), "");
            row(t, "cases/s, `POST /api/portal/cases`", fmt(casesPerSecond), "");
            row(t, "`POST /api/portal/cases` p50 / p95 / p99 ms", submit.summary(), "");
            row(t, "CPU per case submitted: service / PostgreSQL", fmt(submitCpuMillis / (double) CASES) + " ms / "
                    + fmt(submitPgCpuMillis / (double) CASES) + " ms", "");
            row(t, "rows written in PostgreSQL per case submitted (pgbench: 1 update + 1 insert per transaction)",
                    fmt(submitRowsWritten / (double) CASES), "");
            row(t, "intake completions/s (find + claim + complete)", fmt(completionsPerSecond), "");
            row(t, "`GET /api/inbox/tasks?caseId=` p50 / p95 / p99 ms", find.summary(), "");
            row(t, "`POST /api/inbox/tasks/{id}/claim` p50 / p95 / p99 ms", claim.summary(), "");
            row(t, "`POST /api/inbox/tasks/{id}/complete` p50 / p95 / p99 ms", complete.summary(), "");
            row(t, "CPU per intake completion (3 calls): service / PostgreSQL", fmt(completeCpuMillis / (double) CASES)
                    + " ms / " + fmt(completePgCpuMillis / (double) CASES) + " ms", "");
            row(t, "submission at " + LATENCY_CLIENTS + " clients (" + LATENCY_CASES + " cases): cases/s",
                    fmt(LATENCY_CASES / (latencyNanos / 1e9)), "");
            row(t, "submission at " + LATENCY_CLIENTS + " clients: `POST /api/portal/cases` p50 / p95 / p99 ms",
                    latency.summary(), check(latency.percentileMillis(99) < 40, "p99 < 40 ms"));
            row(t, "CPU per case submitted at " + LATENCY_CLIENTS + " clients: service / PostgreSQL",
                    fmt(latencyCpuMillis / (double) LATENCY_CASES) + " ms / "
                    + fmt(latencyPgCpuMillis / (double) LATENCY_CASES) + " ms", "");
            row(t, "service RSS after the run (" + (CASES + WARMUP + LATENCY_CASES) + " cases)", rssKb / 1024 + " MB",
                    check(rssKb <= 300 * 1024, "<= 300 MB"));
            row(t, "mails the service delivered to SMTP during the run (outbox drained every 5 s)",
                    String.valueOf(mailsDelivered), "");
            row(t, "pgbench simple-update TPS, " + CLIENTS + " clients, " + PGBENCH_SECONDS + " s", fmt(pgbenchTps), "");
            row(t, "**ratio cases/s : pgbench TPS**", String.format(Locale.ROOT, "**%.3f**", ratio),
                    check(ratio >= 0.25, ">= 0.25"));
            row(t, "engine alone: process starts/s (`RuntimeService`, in-process, " + ENGINE_CASES + " cases)",
                    fmt(engineStarts), "");
            row(t, "engine alone: start p50 / p95 / p99 ms", engineStart.summary(), "");
            row(t, "engine alone: intake completions/s (`TaskService`)", fmt(engineCompletions), "");
            row(t, "service cases/s as a share of the engine alone's", String.format(Locale.ROOT, "%.0f %%",
                    100 * casesPerSecond / engineStarts), "");
            double floorPerSecond = CASES / (floorNanos / 1e9);
            double emptyPerSecond = ENGINE_CASES / (emptyProcessNanos / 1e9);
            row(t, "floor, the service: `GET /api/departments` calls/s (token check and JSON, no database)",
                    fmt(floorPerSecond) + " (ratio to pgbench " + String.format(Locale.ROOT, "%.3f", floorPerSecond
                            / pgbenchTps) + ")", "");
            row(t, "floor, the service: `GET /api/departments` p50 / p95 / p99 ms", floor.summary(), "");
            row(t, "floor, the engine: empty process (start, one user task) starts/s, in-process",
                    fmt(emptyPerSecond) + " (ratio to pgbench " + String.format(Locale.ROOT, "%.3f", emptyPerSecond
                            / pgbenchTps) + ")", "");
            row(t, "floor, the engine: empty process start p50 / p95 / p99 ms", emptyProcess.summary(), "");
            return t.toString();
        }

        /** The figures bench/side-by-side.sh puts beside the peer's: name=value, milliseconds and per second. */
        String properties() {
            StringBuilder p = new StringBuilder();
            prop(p, "cases", CASES);
            prop(p, "clients", CLIENTS);
            prop(p, "cases_per_s", CASES / (submitNanos / 1e9));
            prop(p, "cpu_per_case_service_ms", submitCpuMillis / (double) CASES);
            prop(p, "cpu_per_case_postgres_ms", submitPgCpuMillis / (double) CASES);
            prop(p, "submit_p50_ms", submit.percentileMillis(50));
            prop(p, "submit_p99_ms", submit.percentileMillis(99));
            prop(p, "latency_clients", LATENCY_CLIENTS);
            prop(p, "latency_cases", LATENCY_CASES);
            prop(p, "latency_cases_per_s", LATENCY_CASES / (latencyNanos / 1e9));
            prop(p, "latency_p50_ms", latency.percentileMillis(50));
            prop(p, "latency_p99_ms", latency.percentileMillis(99));
            prop(p, "ready_ms", startMillis);
            prop(p, "ready_fresh_schema_ms", firstStartMillis);
            prop(p, "rss_mb", rssKb / 1024.0);
            prop(p, "rss_after_cases", CASES + WARMUP + LATENCY_CASES);
            prop(p, "pgbench_tps", pgbenchTps);
            p.append("postgres_settings=").append(postgresSettings).append('\n');
            p.append("jvm_flags=").append(JVM_FLAGS).append('\n');
            p.append("load_before=").append(loadBefore).append('\n');
            p.append("load_after=").append(loadAfter).append('\n');
            return p.toString();
        }

        private static void prop(StringBuilder p, String name, double value) {
            p.append(name).append('=').append(String.format(Locale.ROOT, "%.2f", value)).append('\n');
        }

        private static void row(StringBuilder t, String measure, String value, String target) {
            t.append("| ").append(measure).append(" | ").append(value).append(" | ").append(target).append(" |\n");
        }

        private static String check(boolean met, String target) {
            return target + (met ? " met" : " **missed**");
        }

        private static String seconds(long millis) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }

        private static String fmt(double value) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
    }
}
