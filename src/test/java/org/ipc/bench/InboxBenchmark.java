package org.ipc.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Benchmark, not a test (tag {@code benchmark}, outside {@code ./mvnw verify}): 100,000 open tasks across 50
 * queues on PostgreSQL; measures the default inbox query and the claim action over HTTP, first without and then
 * with the indexes migration 21 ({@code V21__engine_indexes.sql}) adds. Run with {@code bench/inbox.sh}; the figures go to
 * target/bench/inbox.txt.
 */
@QuarkusTest
@Tag("benchmark")
class InboxBenchmark {

    private static final int TASKS = Integer.getInteger("bench.tasks", 100_000);
    private static final int QUEUES = 50;
    private static final int SAMPLES = 300;
    /** The coordinator's own queues, among the 50: the realistic case of a person who speaks a few languages. */
    private static final List<String> COORDINATOR_QUEUES = List.of("coordinator", "coordinator:en", "coordinator:es",
            "coordinator:pt", "coordinator:zh");

    @Inject
    TaskService tasks;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URI base;

    @Test
    void inboxAtOneHundredThousandOpenTasks() throws Exception {
        seed();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String token = Tokens.of("coordinator");
        StringBuilder report = new StringBuilder("Inbox benchmark: " + TASKS + " open tasks, " + QUEUES
                + " queues, PostgreSQL, " + SAMPLES + " samples each, one client, over HTTP\n");

        List<String> created = engineIndexes();
        sql(created.stream().map(c -> "drop index if exists " + c.split("\\s+")[5]).toList());
        analyze();
        report.append(measure("before (Camunda's own indexes)", http, token));
        sql(created);
        analyze();
        report.append(measure("after (migration 21's indexes)", http, token));

        report.append("\nPlan of the inbox query (EXPLAIN ANALYZE):\n").append(explain());
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "inbox.txt"), report);
        System.out.println(report);
    }

    /** The create statements of migration 21, the indexes we add to Camunda's tables. */
    private static List<String> engineIndexes() throws java.io.IOException {
        try (var in = InboxBenchmark.class.getClassLoader().getResourceAsStream("db/migration/V21__engine_indexes.sql")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith("create index")).map(l -> l.substring(0, l.length() - 1)).toList();
        }
    }

    private String measure(String label, HttpClient http, String token) throws Exception {
        HttpRequest query = HttpRequest.newBuilder(base.resolve("/api/inbox/tasks?size=20"))
                .header("Authorization", "Bearer " + token).build();
        for (int i = 0; i < 30; i++) {
            http.send(query, HttpResponse.BodyHandlers.discarding());
        }
        long[] queryMicros = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            HttpResponse<String> r = http.send(query, HttpResponse.BodyHandlers.ofString());
            queryMicros[i] = (System.nanoTime() - start) / 1000;
            if (r.statusCode() != 200) {
                throw new IllegalStateException("inbox answered " + r.statusCode());
            }
        }
        List<String> claimable = QuarkusTransaction.requiringNew().call(() -> tasks.createTaskQuery()
                .taskCandidateGroup("coordinator:pt").taskUnassigned().listPage(0, SAMPLES)
                .stream().map(Task::getId).toList());
        long[] claimMicros = new long[claimable.size()];
        for (int i = 0; i < claimable.size(); i++) {
            HttpRequest claim = HttpRequest.newBuilder(base.resolve("/api/inbox/tasks/" + claimable.get(i) + "/claim"))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build();
            long start = System.nanoTime();
            HttpResponse<String> r = http.send(claim, HttpResponse.BodyHandlers.ofString());
            claimMicros[i] = (System.nanoTime() - start) / 1000;
            if (r.statusCode() != 200) {
                throw new IllegalStateException("claim answered " + r.statusCode() + " " + r.body());
            }
        }
        return String.format(Locale.ROOT, "%-32s inbox query p50 %6.1f ms  p99 %6.1f ms | claim p50 %6.1f ms  p99 %6.1f ms%n",
                label, p(queryMicros, 50), p(queryMicros, 99), p(claimMicros, 50), p(claimMicros, 99));
    }

    /** Standalone open tasks through Camunda's API, in batches: due dates over two weeks, priorities, 50 queues. */
    private void seed() {
        long existing = tasks.createTaskQuery().count();
        Random random = new Random(42);
        List<String> queues = new ArrayList<>(COORDINATOR_QUEUES);
        for (int q = queues.size(); q < QUEUES; q++) {
            queues.add(q % 3 == 0 ? "specialist:dept-" + q : q % 3 == 1 ? "coordinator:lang-" + q : "finance:" + q);
        }
        Instant now = Instant.now();
        for (int done = 0; done < TASKS; done += 1000) {
            int batch = Math.min(1000, TASKS - done);
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < batch; i++) {
                    Task task = tasks.newTask();
                    task.setName("Benchmark task");
                    task.setPriority(random.nextInt(100));
                    task.setDueDate(Date.from(now.plusSeconds(random.nextInt(14 * 24 * 3600) - 2 * 24 * 3600)));
                    tasks.saveTask(task);
                    tasks.addCandidateGroup(task.getId(), queues.get(random.nextInt(QUEUES)));
                }
            });
        }
        System.out.printf("seeded %d tasks (had %d)%n", TASKS, existing);
    }

    private String explain() throws Exception {
        String sql = "explain analyze select t.id_ from act_ru_task t"
                + " left join patient_case c on c.process_instance_id = t.proc_inst_id_"
                + " left join patient p on p.id = c.patient_id"
                + " where t.suspension_state_ = 1 and (t.assignee_ = 'coordinator' or (t.assignee_ is null and exists"
                + " (select 1 from act_ru_identitylink l where l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ in ("
                + String.join(",", COORDINATOR_QUEUES.stream().map(g -> "'" + g + "'").toList()) + "))))"
                + " order by t.due_date_ asc nulls last, t.priority_ desc, t.create_time_ asc, t.id_"
                + " offset 0 rows fetch next 20 rows only";
        StringBuilder plan = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    private void analyze() throws Exception {
        sql(List.of("analyze"));
    }

    private void sql(List<String> statements) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static double p(long[] micros, int percentile) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1000.0;
    }
}
