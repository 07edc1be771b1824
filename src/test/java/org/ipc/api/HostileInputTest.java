package org.ipc.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.ipc.testing.Endpoints;
import org.ipc.testing.Portal;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Hostile input over the whole API, built from the service's own OpenAPI document and, for the HTML pages it leaves
 * out, from the resources' annotations ({@link Endpoints}), so a new endpoint is covered by itself: every operation gets odd ids (NUL, right-to-left override, 5,000 characters, SQL, path traversal, not a
 * UUID, the UUID of nothing), odd query values and bodies of the wrong shape (array for object, huge numbers, wrong
 * types, deep nesting, invalid UTF-8), as each role and without a token. A finding is any 5xx, any answer slower than
 * one second (twice: a slow answer is tried again, so a busy machine's hiccup is not a finding but unbounded work
 * is), any error body that is not problem+json, and any stack trace, SQL, class name or patient data in an error
 * body. The inbox page ({@code /inbox/...}: HTML, signed in by the code flow, bearer tokens do not apply) gets the
 * odd ids without a session: a redirect to sign-in or a 400, never more. Counts go to target/hostile-input.md.
 */
@QuarkusTest
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CALLERS = List.of("no token", "coordinator", "specialist", "finance",
            "supervisor", "admin", "physician");
    /** Test-build helpers that the packaged service does not have. */
    private static final Set<String> NOT_IN_PRODUCTION = Set.of("/dev/token/{user}");
    private static final Map<String, String> ODD_IDS = new LinkedHashMap<>();
    private static final Map<String, String> ODD_QUERY_VALUES = new LinkedHashMap<>();
    private static final Map<String, byte[]> ODD_BODIES = new LinkedHashMap<>();
    private static final Duration SLOW = Duration.ofSeconds(1);
    /** What an error body must never hold: traces, SQL, our classes and the framework's, the seeded patient. */
    private static final List<String> LEAKS = List.of("\tat ", "at org.", "at java.", "Caused by", ".java:",
            "Exception", "select ", "insert into", "update ", "SQLState", "syntax error at or near", "PSQL",
            "org.ipc.", "org.hibernate", "org.camunda", "io.quarkus", "io.vertx", "java.lang", "jakarta.",
            "Hostile", "Synthetic", "hostile.patient@example.org");

    static {
        ODD_IDS.put("NUL", "%00");
        ODD_IDS.put("right-to-left override", "%E2%80%AE");
        ODD_IDS.put("RTL override and NUL", "%E2%80%AE%00");
        ODD_IDS.put("5,000 characters", "a".repeat(5_000));
        ODD_IDS.put("SQL", "1'%20OR%20'1'='1");
        ODD_IDS.put("path traversal", "..%2F..%2F..%2Fetc%2Fpasswd");
        ODD_IDS.put("not a UUID", "not-a-uuid");
        ODD_IDS.put("UUID of nothing", UUID.randomUUID().toString());
        ODD_QUERY_VALUES.put("NUL", "%00");
        ODD_QUERY_VALUES.put("negative", "-1");
        ODD_QUERY_VALUES.put("huge number", "99999999999999999999999");
        ODD_QUERY_VALUES.put("SQL", "%27%3B%20DROP%20TABLE%20patient%3B--");
        ODD_QUERY_VALUES.put("right-to-left override", "%E2%80%AE");
        ODD_QUERY_VALUES.put("3,000 characters", "x".repeat(3_000));
        ODD_QUERY_VALUES.put("far date", "9999-12-31T23:59:59Z");
        ODD_QUERY_VALUES.put("empty", "");
        ODD_BODIES.put("array for object", "[]".getBytes(StandardCharsets.UTF_8));
        ODD_BODIES.put("huge numbers", ("{\"estimateAmount\": 1e999999, \"page\": 99999999999999999999999999, "
                + "\"variables\": {\"estimateAmount\": 1e400}}").getBytes(StandardCharsets.UTF_8));
        ODD_BODIES.put("wrong types", ("{\"type\": 42, \"department\": [1], \"urgency\": {}, \"patient\": \"x\", "
                + "\"body\": 7, \"userId\": false, \"variables\": [true]}").getBytes(StandardCharsets.UTF_8));
        ODD_BODIES.put("deep nesting", ("[".repeat(5_000) + "]".repeat(5_000)).getBytes(StandardCharsets.UTF_8));
        ODD_BODIES.put("deep objects", ("{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000))
                .getBytes(StandardCharsets.UTF_8));
        ODD_BODIES.put("invalid UTF-8", new byte[] { '{', '"', 'b', 'o', 'd', 'y', '"', ':', '"', (byte) 0xC3, 0x28,
                (byte) 0xFF, '"', '}' });
        ODD_BODIES.put("truncated", "{\"variables\": {\"decision\": ".getBytes(StandardCharsets.UTF_8));
        ODD_BODIES.put("null", "null".getBytes(StandardCharsets.UTF_8));
        ODD_BODIES.put("NUL in text", "{\"body\": \"a\\u0000b\", \"userId\": \"\\u0000\", \"variables\": {\"note\": \"\\u0000\"}}"
                .getBytes(StandardCharsets.UTF_8));
    }

    private record Operation(String method, String path, List<String> pathParams, List<String> queryParams,
            boolean jsonBody) {
    }

    private record Finding(String request, String what) {
    }

    @TestHTTPResource("/")
    URL root;

    private volatile HttpClient http = newClient();
    private final Map<Integer, Integer> byStatus = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final List<Finding> findings = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong slowestNanos = new java.util.concurrent.atomic.AtomicLong();

    /** Requests are sent two at a time: the service answers on both cores, as it would to two clients. */
    private static final int SENDERS = 2;

    @Test
    void noOperationAnswersOddInputWithA5xxASlowAnswerOrALeakyBody() throws Exception {
        // patient data in the database, so a body that leaked it would show
        Portal.submit("physician", "SECOND_OPINION", Map.of("givenName", "Hostile", "familyName", "Hostile",
                "email", "hostile.patient@example.org"));
        CALLERS.stream().filter(c -> !c.equals("no token")).forEach(role -> tokens.put(role, Tokens.of(role)));
        List<Operation> operations = operations();
        assertThat(operations).hasSizeGreaterThan(30);
        List<java.util.concurrent.Callable<Void>> sends = new ArrayList<>();
        for (Operation op : operations) {
            boolean page = op.path().startsWith("/inbox");
            for (String caller : page ? List.of("no token") : CALLERS) {
                for (String param : op.pathParams()) {
                    for (var odd : ODD_IDS.entrySet()) {
                        String target = path(op, param, odd.getValue());
                        sends.add(() -> send(op, caller, target, null, "id " + param + " = " + odd.getKey()));
                    }
                }
                if (page) {
                    continue;
                }
                for (String param : op.queryParams()) {
                    for (var odd : ODD_QUERY_VALUES.entrySet()) {
                        String target = path(op, null, null) + "?" + param + "=" + odd.getValue();
                        sends.add(() -> send(op, caller, target, null, "query " + param + " = " + odd.getKey()));
                    }
                }
                if (op.jsonBody() || op.method().equals("POST")) {
                    for (var odd : ODD_BODIES.entrySet()) {
                        String target = path(op, null, null);
                        sends.add(() -> send(op, caller, target, odd.getValue(), "body: " + odd.getKey()));
                    }
                }
            }
        }
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(SENDERS);
        try {
            for (java.util.concurrent.Future<Void> sent : senders.invokeAll(sends)) {
                sent.get();
            }
        } finally {
            senders.shutdownNow();
        }
        writeReport(operations.size());
        assertThat(requests.get()).isGreaterThan(3_000);
        assertThat(findings).as("findings (see target/hostile-input.md)").isEmpty();
    }

    /** Every operation of the OpenAPI document, with its path and query parameters and whether it takes JSON. */
    private List<Operation> operations() throws IOException {
        JsonNode doc = JSON.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (NOT_IN_PRODUCTION.contains(path.getKey())) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!Set.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
                    continue;
                }
                List<String> pathParams = new ArrayList<>();
                List<String> queryParams = new ArrayList<>();
                List<JsonNode> parameters = new ArrayList<>();
                path.getValue().path("parameters").forEach(parameters::add);
                op.getValue().path("parameters").forEach(parameters::add);
                for (JsonNode p : parameters) {
                    JsonNode resolved = p.has("$ref") ? doc.at(p.path("$ref").asText().substring(1)) : p;
                    String name = resolved.path("name").asText();
                    switch (resolved.path("in").asText()) {
                        case "path" -> pathParams.add(name);
                        case "query" -> queryParams.add(name);
                        default -> { }
                    }
                }
                Arrays.stream(path.getKey().split("/")).filter(s -> s.startsWith("{") && s.endsWith("}"))
                        .map(s -> s.substring(1, s.length() - 1)).filter(n -> !pathParams.contains(n))
                        .forEach(pathParams::add);
                boolean json = op.getValue().path("requestBody").path("content").has("application/json");
                operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        pathParams.stream().distinct().toList(), queryParams.stream().distinct().toList(), json));
            }
        }
        // the HTML pages, which the document leaves out, from the resources' own annotations
        Set<String> documented = operations.stream().map(o -> o.method() + " " + o.path()).collect(Collectors.toSet());
        for (Endpoints.Endpoint e : Endpoints.declared().values()) {
            if (!documented.contains(e.key()) && !NOT_IN_PRODUCTION.contains(e.path())
                    && Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(e.method())) {
                operations.add(new Operation(e.method(), e.path(), Arrays.stream(e.path().split("/"))
                        .filter(s -> s.startsWith("{") && s.endsWith("}")).map(s -> s.substring(1, s.length() - 1))
                        .toList(), e.queryParams(), false));
            }
        }
        return operations;
    }

    /** The operation's path with {@code odd} in {@code param} and the UUID of nothing in every other parameter. */
    private static String path(Operation op, String param, String odd) {
        String path = op.path();
        for (String p : op.pathParams()) {
            path = path.replace("{" + p + "}", p.equals(param) ? odd : UUID.randomUUID().toString());
        }
        return path;
    }

    private Void send(Operation op, String caller, String target, byte[] body, String what) throws Exception {
        String request = op.method() + " " + op.path() + " as " + caller + ", " + what;
        Timed first = call(op.method(), target, caller, body);
        HttpResponse<String> answer = first.answer();
        long nanos = first.nanos();
        if (nanos > SLOW.toNanos()) {
            Timed again = call(op.method(), target, caller, body);
            answer = again.answer();
            if (again.nanos() > SLOW.toNanos()) {
                findings.add(new Finding(request, "slow twice: " + nanos / 1_000_000 + " ms, then "
                        + again.nanos() / 1_000_000 + " ms"));
            }
            nanos = Math.min(nanos, again.nanos());
        }
        slowestNanos.accumulateAndGet(nanos, Math::max);
        int status = answer.statusCode();
        byStatus.merge(status, 1, Integer::sum);
        if (status >= 500) {
            findings.add(new Finding(request, "answered " + status));
        }
        boolean pageRedirect = op.path().startsWith("/inbox") && (status == 302 || status == 303);
        if (status >= 400 && !pageRedirect) {
            String type = answer.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith(Problem.MEDIA_TYPE)) {
                findings.add(new Finding(request, status + " with Content-Type '" + type + "', not problem+json"));
            }
            for (String leak : LEAKS) {
                if (answer.body().contains(leak)) {
                    findings.add(new Finding(request, status + " body holds '" + leak.strip() + "': "
                            + answer.body().substring(0, Math.min(300, answer.body().length()))));
                }
            }
        }
        if (op.path().startsWith("/inbox") && !(pageRedirect || status == 400 || status == 414)) {
            findings.add(new Finding(request, "the page answered " + status + " without a session"));
        }
        return null;
    }

    /** An answer and how long it took, head to end of body. */
    private record Timed(HttpResponse<String> answer, long nanos) {
    }

    private Timed call(String method, String target, String caller, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root.toString().replaceAll("/$", "") + target))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (!caller.equals("no token")) {
            request.header("Authorization", "Bearer " + tokens.get(caller));
        }
        long start = System.nanoTime();
        requests.incrementAndGet();
        // the request's own timeout ends at the answer's head; a body that never ends is caught here
        var pending = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
        try {
            HttpResponse<String> answer = pending.get(NO_ANSWER.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            return new Timed(answer, System.nanoTime() - start);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            pending.cancel(true);
            // a connection left hanging is not reused for the next request
            http = newClient();
            throw new AssertionError(method + " " + target.substring(0, Math.min(200, target.length())) + " as "
                    + caller + " got no complete answer within " + NO_ANSWER.toSeconds() + " s"
                    + (e instanceof java.util.concurrent.ExecutionException ? ": " + e.getCause() : ""), e);
        }
    }

    private static final Duration NO_ANSWER = Duration.ofSeconds(40);

    private static HttpClient newClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private void writeReport(int operations) throws IOException {
        StringBuilder md = new StringBuilder("# Hostile input, as measured\n\nWritten by `HostileInputTest`: ")
                .append(operations).append(" operations (the OpenAPI document's, and the pages it leaves out), callers: ")
                .append(String.join(", ", CALLERS)).append(" (the inbox page without a session only).\n\n")
                .append("| requests | findings | slowest answer |\n|---|---|---|\n| ").append(requests.get()).append(" | ")
                .append(findings.size()).append(" | ").append(slowestNanos.get() / 1_000_000).append(" ms |\n\n")
                .append("## By status\n\n| status | answers |\n|---|---|\n");
        byStatus.forEach((status, count) -> md.append("| ").append(status).append(" | ").append(count).append(" |\n"));
        md.append("\n## Odd values\n\n- ids: ").append(String.join(", ", ODD_IDS.keySet()))
                .append("\n- query values: ").append(String.join(", ", ODD_QUERY_VALUES.keySet()))
                .append("\n- bodies: ").append(String.join(", ", ODD_BODIES.keySet())).append("\n\n## Findings\n\n");
        md.append(findings.isEmpty() ? "None.\n" : findings.stream().map(f -> "- " + f.request() + ": " + f.what())
                .collect(Collectors.joining("\n")) + "\n");
        Files.writeString(Path.of("target", "hostile-input.md"), md);
    }
}
