package org.ipc.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Benchmark, not a test (tag {@code benchmark}, outside {@code ./mvnw verify}): the inbox at 1,000,000 open tasks on
 * PostgreSQL. Seeds Camunda's task and identity-link tables and our read model consistently with bulk SQL (the same
 * tasks, queues, dates, assignees; the case's fields as task variables for Camunda's side), then measures over HTTP
 * with one client the default view, the filtered views and the claim, and Camunda's own TaskQuery for the same
 * views in the same run. Run with {@code bench/inbox.sh}; the figures go to target/bench/inbox.txt.
 */
@QuarkusTest
@Tag("benchmark")
class InboxBenchmark {

    private static final int TASKS = Integer.getInteger("bench.tasks", 1_000_000);
    private static final int SAMPLES = Integer.getInteger("bench.samples", 300);
    private static final int ENGINE_SAMPLES = Integer.getInteger("bench.engine-samples", 20);
    private static final List<String> COORDINATOR_QUEUES = List.of("coordinator", "coordinator:en", "coordinator:es",
            "coordinator:pt", "coordinator:zh");
    /** 50 queues: the coordinator's 5 and 45 others. Each column draws from its own hash of g, so none correlates. */
    private static final String Q = "(abs(hashtext(g::text || 'queue')::bigint) % 50)";
    private static final String QUEUE = "(case " + Q + " when 0 then 'coordinator' when 1 then 'coordinator:en'"
            + " when 2 then 'coordinator:es' when 3 then 'coordinator:pt' when 4 then 'coordinator:zh'"
            + " else (case " + Q + " % 3 when 0 then 'specialist:dept-' when 1 then 'coordinator:lang-'"
            + " else 'finance:' end) || " + Q + " end)";
    /** One task in 20 is held: one in 400 by the measuring coordinator, the rest by 97 colleagues. */
    private static final String ASSIGNEE = "(case when abs(hashtext(g::text || 'held')::bigint) % 20 = 0 then (case when"
            + " abs(hashtext(g::text || 'mine')::bigint) % 20 = 0 then 'coordinator' else 'user-' || (g % 97) end) end)";
    private static final String LANGUAGE = "((array['en','es','pt','zh','ar','ru','fr','de'])[(1 + abs(hashtext(g::text"
            + " || 'language')::bigint) % 8)::int])";
    private static final String DEPARTMENT = "('dept-' || abs(hashtext(g::text || 'department')::bigint) % 20)";
    private static final String REFERENCE = "('IPC-2026-' || lpad((g - 1)::text, 6, '0'))";
    private static final String GIVEN = "((array['Ana','Omar','Li','Maria','Yusuf','Sofia','Wei','Lucas','Amira',"
            + "'Diego'])[(1 + abs(hashtext(g::text || 'given')::bigint) % 10)::int])";
    private static final String FAMILY = "((array['Souza','Haddad','Chen','Garcia','Rahman','Silva','Wang','Lopez',"
            + "'Nasser','Costa','Kim','Perez','Ali','Santos','Zhang','Rossi','Khan','Oliveira','Huang','Mendes',"
            + "'Aziz','Ferreira','Liu','Torres','Saleh','Almeida','Zhao','Ramos','Farah','Gomes','Yang','Castro',"
            + "'Hassan','Ribeiro','Wu','Vargas','Karim','Lima','Xu','Rojas'])[(1 + abs(hashtext(g::text || 'family')::bigint)"
            + " % 40)::int])";
    /** Due dates over two weeks from two days ago, follow-up dates on one task in ten, priorities 0 to 99. */
    private static final String DUE = "(localtimestamp + make_interval(mins => (abs(hashtext(g::text || 'due')::bigint)"
            + " % 20160 - 2880)::int))";
    private static final String FOLLOW_UP = "(case when abs(hashtext(g::text || 'follow')::bigint) % 10 = 0 then"
            + " localtimestamp + make_interval(mins => (abs(hashtext(g::text || 'up')::bigint) % 14400 - 4320)::int) end)";
    private static final String PRIORITY = "(abs(hashtext(g::text || 'priority')::bigint) % 100)";
    private static final String CREATED = "(localtimestamp - make_interval(mins => (g % 10000)::int))";

    @Inject
    TaskService tasks;

    @Inject
    RepositoryService repository;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URI base;

    private HttpClient http;
    private String token;

    @Test
    void inboxAtOneMillionOpenTasks() throws Exception {
        seed();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        token = Tokens.of("coordinator");
        List<String> references = visibleReferences();

        Map<String, IntFunction<String>> views = new LinkedHashMap<>();
        views.put("default view (mine + my 5 queues)", i -> "");
        views.put("language=es", i -> "&language=es");
        views.put("department=dept-7", i -> "&department=dept-7");
        views.put("overdue=true", i -> "&overdue=true");
        views.put("followUp=due", i -> "&followUp=due");
        views.put("followUp=waiting", i -> "&followUp=waiting");
        views.put("reference=<a case>", i -> "&reference=" + references.get(i % references.size()));
        views.put("patient=souza", i -> "&patient=souza");

        Map<String, TaskQueryView> engineViews = new LinkedHashMap<>();
        Date now = new Date();
        // the default view leaves out the tasks set aside until a later follow-up date, as Camunda's Tasklist does
        engineViews.put("default view (mine + my 5 queues)", (q, i) -> q.followUpBeforeOrNotExistent(now));
        engineViews.put("language=es", (q, i) -> q.taskVariableValueEquals("language", "es"));
        engineViews.put("department=dept-7", (q, i) -> q.taskVariableValueEquals("department", "dept-7"));
        engineViews.put("overdue=true", (q, i) -> q.dueBefore(now));
        engineViews.put("followUp=due", (q, i) -> q.followUpBefore(now));
        engineViews.put("followUp=waiting", (q, i) -> q.followUpAfter(now));
        engineViews.put("reference=<a case>", (q, i) -> q.taskVariableValueEquals("caseReference",
                references.get(i % references.size())));
        engineViews.put("patient=souza", (q, i) -> q.taskVariableValueLike("patientName", "%Souza%"));

        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "Inbox benchmark: %,d open tasks in 50 queues (the coordinator's 5 hold about %,d), PostgreSQL, one"
                        + " client. Ours: %d calls over HTTP each (after 30 to warm up). Camunda's TaskQuery: %d"
                        + " calls in-process each (listPage of 20 + count), Camunda's own indexes.%n%n",
                TASKS, TASKS / 10, SAMPLES, ENGINE_SAMPLES));
        report.append(String.format(Locale.ROOT, "| %-36s | %8s | %8s | %7s | %12s | %12s | %8s |%n", "view",
                "ours p50", "ours p99", "total", "TaskQuery p50", "TaskQuery p99", "p50 ratio"));
        report.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (var view : views.entrySet()) {
            Latencies ours = new Latencies(SAMPLES);
            long total = measureHttp(view.getValue(), ours);
            Latencies engine = new Latencies(ENGINE_SAMPLES);
            long engineTotal = measureTaskQuery(engineViews.get(view.getKey()), engine);
            report.append(String.format(Locale.ROOT, "| %-36s | %5.1f ms | %5.1f ms | %,7d | %9.1f ms | %9.1f ms | %7.0fx |%n",
                    view.getKey(), ours.percentileMillis(50), ours.percentileMillis(99), total,
                    engine.percentileMillis(50), engine.percentileMillis(99),
                    engine.percentileMillis(50) / ours.percentileMillis(50)));
            if (total != engineTotal) {
                report.append(String.format(Locale.ROOT, "  (totals differ: ours %d, TaskQuery %d)%n", total, engineTotal));
            }
            Files.createDirectories(Path.of("target", "bench"));
            Files.writeString(Path.of("target", "bench", "inbox.txt"), report);
        }
        Latencies claims = measureClaims();
        report.append(String.format(Locale.ROOT, "%nclaim (POST /api/inbox/tasks/{id}/claim, %d tasks): p50 %.1f ms,"
                + " p99 %.1f ms%n", claims.count(), claims.percentileMillis(50), claims.percentileMillis(99)));
        report.append("\nPlans (EXPLAIN ANALYZE) of the default view's page and counts:\n").append(explainDefault());
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "inbox.txt"), report);
        System.out.println(report);
    }

    interface TaskQueryView {
        TaskQuery narrow(TaskQuery query, int sample);
    }

    private long measureHttp(IntFunction<String> filter, Latencies latencies) throws Exception {
        long total = -1;
        for (int i = -30; i < SAMPLES; i++) {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/inbox/tasks?size=20" + filter.apply(Math.max(i, 0))))
                    .header("Authorization", "Bearer " + token).build();
            long start = System.nanoTime();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            long elapsed = System.nanoTime() - start;
            if (r.statusCode() != 200) {
                throw new IllegalStateException("inbox answered " + r.statusCode() + " " + r.body());
            }
            if (i >= 0) {
                latencies.record(elapsed);
            }
            if (i == 0) {
                total = Long.parseLong(r.body().replaceAll("(?s).*\"total\":(\\d+).*", "$1"));
            }
        }
        return total;
    }

    private long measureTaskQuery(TaskQueryView view, Latencies latencies) {
        long total = -1;
        for (int i = 0; i < ENGINE_SAMPLES; i++) {
            int sample = i;
            long start = System.nanoTime();
            long count = QuarkusTransaction.requiringNew().call(() -> {
                TaskQuery q = view.narrow(tasks.createTaskQuery().or().taskAssignee("coordinator")
                        .taskCandidateGroupIn(COORDINATOR_QUEUES).endOr(), sample);
                q.orderByDueDate().asc().orderByTaskPriority().desc().listPage(0, 20);
                return view.narrow(tasks.createTaskQuery().or().taskAssignee("coordinator")
                        .taskCandidateGroupIn(COORDINATOR_QUEUES).endOr(), sample).count();
            });
            latencies.record(System.nanoTime() - start);
            total = count;
        }
        return total;
    }

    private Latencies measureClaims() throws Exception {
        List<String> claimable = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select task_id from work_item where queue = 'coordinator:pt'"
                        + " and assignee is null order by due_at, task_id limit " + SAMPLES)) {
            while (rs.next()) {
                claimable.add(rs.getString(1));
            }
        }
        Latencies latencies = new Latencies(claimable.size());
        for (String taskId : claimable) {
            HttpRequest claim = HttpRequest.newBuilder(base.resolve("/api/inbox/tasks/" + taskId + "/claim"))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build();
            long start = System.nanoTime();
            HttpResponse<String> r = http.send(claim, HttpResponse.BodyHandlers.ofString());
            latencies.record(System.nanoTime() - start);
            if (r.statusCode() != 200 || !r.body().contains("\"assignee\":\"coordinator\"")) {
                throw new IllegalStateException("claim answered " + r.statusCode() + " " + r.body());
            }
        }
        return latencies;
    }

    /** References of cases whose task the coordinator sees (unassigned, in one of their queues). */
    private List<String> visibleReferences() throws Exception {
        List<String> references = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select case_reference from work_item where queue = 'coordinator:es'"
                        + " and assignee is null and task_id like 'bench-%' order by task_id limit " + SAMPLES)) {
            while (rs.next()) {
                references.add(rs.getString(1));
            }
        }
        return references;
    }

    /**
     * The same tasks in Camunda's tables and in ours, written by SQL in bulk (through the API this would take hours).
     * The tasks belong to the second-opinion model's intake task, so claiming one runs the model's task listeners
     * (the read model's among them) as a real task's claim does.
     */
    private void seed() throws Exception {
        String definition = QuarkusTransaction.requiringNew().call(() -> repository.createProcessDefinitionQuery()
                .processDefinitionKey("second-opinion").latestVersion().singleResult().getId());
        long start = System.nanoTime();
        String series = " from generate_series(1::bigint, " + TASKS + ") g";
        List<String> statements = List.of(
                "insert into act_ru_task (id_, rev_, proc_def_id_, name_, task_def_key_, assignee_, priority_,"
                        + " create_time_, due_date_, follow_up_date_, suspension_state_, task_state_)"
                        + " select 'bench-' || g, 1, '" + definition + "', 'Intake review', 'IntakeReview', " + ASSIGNEE
                        + ", " + PRIORITY + ", " + CREATED + ", " + DUE + ", " + FOLLOW_UP + ", 1, 'Created'" + series,
                "insert into act_ru_identitylink (id_, rev_, group_id_, type_, task_id_)"
                        + " select 'bench-link-' || g, 1, " + QUEUE + ", 'candidate', 'bench-' || g" + series,
                variable("language", LANGUAGE, series),
                variable("department", DEPARTMENT, series),
                variable("caseReference", REFERENCE, series),
                variable("patientName", GIVEN + " || ' ' || " + FAMILY, series),
                "insert into work_item (task_id, task_key, name, process, case_reference, patient_name,"
                        + " patient_name_key, patient_family_key, language, language_code, department, urgency,"
                        + " case_status, assignee, queue, candidate_groups, due_at, follow_up_at, priority, created_at)"
                        + " select 'bench-' || g, 'IntakeReview', 'Intake review', 'second-opinion', " + REFERENCE
                        + ", " + GIVEN + " || ' ' || " + FAMILY + ", lower(" + GIVEN + " || ' ' || " + FAMILY
                        + "), lower(" + FAMILY + "), " + LANGUAGE + ", " + LANGUAGE + ", " + DEPARTMENT
                        + ", 'ROUTINE', 'SUBMITTED', " + ASSIGNEE + ", " + QUEUE + ", " + QUEUE + ", " + DUE
                        + ", " + FOLLOW_UP + ", " + PRIORITY + ", " + CREATED + series,
                "insert into work_item_group (task_id, group_id) select 'bench-' || g, " + QUEUE + series,
                // the counter rows, as the task's transactions keep them: recounted from the whole table
                "delete from work_item_count",
                "insert into work_item_count (bucket, shard, open_tasks, changes) select 'q:' || queue, 0, count(*),"
                        + " count(*) from work_item where assignee is null and queue is not null group by queue",
                "insert into work_item_count (bucket, shard, open_tasks, changes) select 'a:' || assignee, 0,"
                        + " count(*), count(*) from work_item where assignee is not null group by assignee",
                "vacuum analyze act_ru_task",
                "vacuum analyze act_ru_identitylink",
                "vacuum analyze act_ru_variable",
                "vacuum analyze work_item",
                "vacuum analyze work_item_group");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            for (String sql : statements) {
                long t = System.nanoTime();
                s.execute(sql);
                System.out.printf("%5.1f s  %s%n", (System.nanoTime() - t) / 1e9, sql.substring(0, Math.min(60, sql.length())));
            }
        }
        System.out.printf("seeded %,d tasks in %.0f s%n", TASKS, (System.nanoTime() - start) / 1e9);
    }

    private static String variable(String name, String value, String series) {
        return "insert into act_ru_variable (id_, rev_, type_, name_, task_id_, text_, var_scope_, sequence_counter_,"
                + " is_concurrent_local_) select 'bench-" + name + "-' || g, 1, 'string', '" + name + "', 'bench-' || g, "
                + value + ", 'bench-' || g, 1, false" + series;
    }

    private String explainDefault() throws Exception {
        String groups = String.join(",", COORDINATOR_QUEUES.stream().map(g -> "'" + g + "'").toList());
        String cols = "w.task_id, w.name, w.due_at";
        List<String> queries = List.of(
                "select " + cols + " from work_item w where (w.assignee = 'coordinator') or (w.assignee is null and"
                        + " w.queue in (" + groups + ")) or (w.assignee is null and w.queue is null and exists (select 1"
                        + " from work_item_group g where g.task_id = w.task_id and g.group_id in (" + groups + ")))"
                        + " order by w.due_at asc nulls last, w.priority desc, w.created_at asc, w.task_id"
                        + " offset 0 rows fetch next 20 rows only",
                "select count(*) from work_item w where w.assignee = 'coordinator'",
                "select count(*) from work_item w where w.assignee is null and w.queue in (" + groups + ")",
                "select count(*) from work_item w where w.assignee is null and w.queue is null and exists (select 1"
                        + " from work_item_group g where g.task_id = w.task_id and g.group_id in (" + groups + "))");
        StringBuilder plans = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : queries) {
                plans.append("\n").append(sql).append("\n");
                try (ResultSet rs = s.executeQuery("explain analyze " + sql)) {
                    while (rs.next()) {
                        plans.append("  ").append(rs.getString(1)).append('\n');
                    }
                }
            }
        }
        return plans.toString();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static Instant now() {
        return Instant.now();
    }
}
