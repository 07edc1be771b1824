package org.ipc.production;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ipc.testing.CaseRequests;
import org.ipc.testing.FreePorts;
import org.ipc.testing.PackagedService;
import org.ipc.testing.S3Server;
import org.ipc.testing.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The packaged service ({@code java -jar target/quarkus-app/quarkus-run.jar}) as production runs it: configured
 * only by the environment variables of DESIGN.md, against a fresh PostgreSQL whose schema its migrations create
 * (Camunda's included), trusting an OIDC issuer shaped like a Keycloak realm, keeping documents in a real
 * S3-compatible store, logging JSON. Records its start time and memory.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedServiceIT {

    private static EmbeddedPostgres postgres;
    private static TestIssuer issuer;
    private static PackagedService service;
    private static S3Server s3;
    private static String uploadFigures = "";
    /** The largest upload by default. */
    private static final long UPLOAD = 50L * 1024 * 1024;
    /** Large enough that a service holding it in memory fails: the production heap is 256 MB. */
    private static final long LARGE = 300L * 1024 * 1024;
    /**
     * The resumable upload measured: 512 MiB by default, twice the production heap, which is what shows that neither
     * the heap nor the resident memory grows with the file; {@code -Dipc.it.resumable-upload-mib=1024} measures the
     * 1 GB of docs/performance.md.
     */
    private static final long UPLOAD_BYTES = Long.getLong("ipc.it.resumable-upload-mib", 512) * 1024 * 1024;
    /** Its pieces: 50 MB each. */
    private static final long PIECE = 50L * 1024 * 1024;

    @BeforeAll
    static void startServiceAsProductionDoes() throws Exception {
        Path work = Path.of("target", "it-postgres");
        Files.createDirectories(work);
        postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(org.ipc.testing.PostgresServer.BINARIES.toFile())
                .setDataDirectory(work.resolve("data")).setCleanDataDirectory(true).start();
        issuer = TestIssuer.start();
        s3 = S3Server.start(Path.of("target", "it-s3"));
        Map<String, String> env = PackagedService.environment(postgres.getJdbcUrl("postgres", "postgres"),
                issuer.url(), FreePorts.next(), Path.of("target", "it-documents"));
        env.putAll(s3.serviceEnvironment());
        env.put("MALLOC_ARENA_MAX", "2");
        // debug lines of our own code, to find one logged while a request is served
        env.put("QUARKUS_LOG_CATEGORY__ORG_IPC__LEVEL", "DEBUG");
        service = PackagedService.start(PackagedService.productionJvmFlags(), env,
                Path.of("target", "packaged-service.log"), Duration.ofSeconds(90));
        RestAssured.port = service.port;
    }

    @AfterAll
    static void stopAll() throws IOException, InterruptedException {
        if (service != null) {
            long rssKb = service.residentKb();
            service.stop();
            String figures = ("packaged service: ready in %d ms (JVM start to /q/health/ready UP), RSS %d MB after the tests%n"
                    + "%s").formatted(service.readyMillis, rssKb / 1024, uploadFigures);
            Files.writeString(Path.of("target", "packaged-service-figures.txt"), figures);
            System.out.print(figures);
        }
        if (issuer != null) {
            issuer.close();
        }
        if (s3 != null) {
            s3.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
        RestAssured.reset();
    }

    @Test
    @Order(1)
    void createsItsSchemaAndIsReady() throws SQLException {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("workflow-engine", "Database connections health check"));
        assertThat(tables()).contains("patient_case", "patient", "referring_physician", "department",
                "flyway_schema_history", "act_ru_task", "act_re_procdef");
        assertThat(query("select version from flyway_schema_history where success order by installed_rank"))
                .as("Camunda's schema and our indexes on it came from migrations").contains("20", "21");
    }

    /**
     * The first requests a cold replica serves are a burst of sixteen physicians it has never seen, each submitting
     * a case at once. Every physician's first request inserts their row; that statement used to be parsed on demand,
     * in all sixteen requests at once, and the parser's working memory ran the 160 MB heap out (the case benchmark
     * found it: requests failed with OutOfMemoryError and the service stopped answering). Now it is parsed at boot.
     */
    @Test
    @Order(2)
    void aColdReplicaTakesABurstOfNewPhysiciansWithItsProductionHeap() throws Exception {
        long physiciansBefore = Long.parseLong(query("select count(*) from referring_physician").get(0));
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(CaseRequests.secondOpinion());
        List<java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            answers.add(http.sendAsync(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + service.port + "/api/portal/cases"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + issuer.token("dr-burst-" + i, "physician"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()));
        }
        for (var answer : answers) {
            java.net.http.HttpResponse<String> response = answer.get();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        }
        assertThat(Long.parseLong(query("select count(*) from referring_physician").get(0)))
                .as("one row per new physician").isEqualTo(physiciansBefore + 16);
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    @Order(3)
    void walksTheSliceWithTokensFromTheRealm() {
        String physician = issuer.token("dr-haddad", "physician");
        String coordinator = issuer.token("lin", "coordinator", "lang:pt", "lang:en");

        String caseId = given().auth().oauth2(physician).contentType(ContentType.JSON)
                .body(CaseRequests.secondOpinion())
                .when().post("/api/portal/cases")
                .then().statusCode(201).body("status", equalTo("SUBMITTED")).extract().path("id");

        List<Map<String, Object>> tasks = given().auth().oauth2(coordinator).when().get("/api/inbox/tasks")
                .then().statusCode(200).extract().jsonPath().getList("items");
        String taskId = (String) tasks.stream().filter(t -> caseId.equals(t.get("caseId"))).findFirst()
                .orElseThrow().get("id");
        given().auth().oauth2(coordinator).when().post("/api/inbox/tasks/" + taskId + "/claim")
                .then().statusCode(200);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body(Map.of("variables", Map.of("decision", "accept", "recordsComplete", true, "recordsInEnglish", true)))
                .when().post("/api/inbox/tasks/" + taskId + "/complete")
                .then().statusCode(200).body("caseStatus", equalTo("UNDER_REVIEW"));

        given().auth().oauth2(physician).when().get("/api/portal/cases/" + caseId)
                .then().statusCode(200).body("status", equalTo("UNDER_REVIEW"));
        given().auth().oauth2(issuer.token("dr-other", "physician")).when().get("/api/portal/cases/" + caseId)
                .then().statusCode(404);
    }

    @Test
    @Order(4)
    void documentsStreamThroughTheObjectStoreBothWaysWithA160MegabyteHeap() throws Exception {
        String physician = issuer.token("dr-haddad", "physician");
        String caseId = given().auth().oauth2(physician).contentType(ContentType.JSON)
                .body(CaseRequests.secondOpinion()).when().post("/api/portal/cases")
                .then().statusCode(201).extract().path("id");
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

        // up: a 50 MB upload (the default limit) through the service into the store
        Path upload = Path.of("target", "it-upload.pdf");
        String uploadSha = writePdf(upload, UPLOAD);
        long before = service.residentKb();
        Sampler sampler = new Sampler();
        long started = System.nanoTime();
        java.net.http.HttpResponse<String> stored = http.send(multipart(caseId, physician, upload),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        long uploadMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        io.restassured.path.json.JsonPath document = io.restassured.path.json.JsonPath.from(stored.body());
        assertThat(document.getString("items[0].sha256")).isEqualTo(uploadSha);
        String key = storageKey(document.getString("items[0].id"));
        assertThat(s3.objectKeys()).as("the document is an object in the store").contains(key);
        assertThat(sha256(Files.newInputStream(s3.bucketFolder().resolve(key)))).isEqualTo(uploadSha);

        // down: a 300 MB object in the store (put there directly: multipart uploads are limited to 50 MB), streamed
        // to the client through a service whose heap is 256 MB
        Path large = Path.of("target", "it-large-imaging.pdf");
        String largeSha = writePdf(large, LARGE);
        String largeKey = java.util.UUID.randomUUID().toString();
        try (var client = s3.client()) {
            client.putObject(b -> b.bucket(s3.bucket()).key(largeKey),
                    software.amazon.awssdk.core.sync.RequestBody.fromFile(large));
        }
        String largeId = java.util.UUID.randomUUID().toString();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                java.sql.PreparedStatement insert = c.prepareStatement("insert into document (id, case_id, kind,"
                        + " file_name, content_type, size_bytes, sha256, storage_key, uploaded_by, uploaded_by_staff,"
                        + " uploaded_at, position) values (?::uuid, ?::uuid, 'IMAGING', 'ct-series.pdf',"
                        + " 'application/pdf', ?, ?, ?, 'dr-haddad', false, now(), 2)")) {
            insert.setString(1, largeId);
            insert.setString(2, caseId);
            insert.setLong(3, LARGE);
            insert.setString(4, largeSha);
            insert.setString(5, largeKey);
            insert.executeUpdate();
        }
        started = System.nanoTime();
        java.net.http.HttpResponse<java.io.InputStream> download = http.send(java.net.http.HttpRequest.newBuilder(
                service.base.resolve("/api/portal/cases/" + caseId + "/documents/" + largeId))
                .header("Authorization", "Bearer " + physician).build(),
                java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValueAsLong("Content-Length")).hasValue(LARGE);
        String downloaded = sha256(download.body());
        long downloadMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        long peak = sampler.stop();
        assertThat(downloaded).as("the download is the object, byte for byte").isEqualTo(largeSha);
        Files.delete(upload);
        Files.delete(large);
        uploadFigures = ("documents through the S3 store, heap 256 MB: 50 MB upload %d ms, 300 MB download %d ms; "
                + "service RSS %d MB before, %d MB peak (+%d MB)%n").formatted(uploadMillis, downloadMillis,
                before / 1024, peak / 1024, (peak - before) / 1024);
    }

    /**
     * A file twice the heap by tus, in pieces of 50 MB (the HTTP layer's body limit is 60 MB), through the service with its
     * production heap: each piece streams to disk as it arrives, so neither the heap nor the resident memory grows
     * with the file.
     * The peaks are measured (resident memory from /proc, the heap in use from the service's own metrics) and written to
     * target/resumable-upload-memory.md.
     */
    @Test
    @Order(2)
    void aResumableUploadTwiceTheHeapStreamsThroughTheProductionHeap() throws Exception {
        String physician = issuer.token("dr-haddad", "physician");
        String caseId = given().auth().oauth2(physician).contentType(ContentType.JSON)
                .body(CaseRequests.secondOpinion()).when().post("/api/portal/cases")
                .then().statusCode(201).extract().path("id");
        Path study = Path.of("target", "it-resumable-study.pdf");
        String sha = writePdf(study, UPLOAD_BYTES);
        String location = given().auth().oauth2(physician).header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", String.valueOf(UPLOAD_BYTES))
                .header("Upload-Metadata", "filename " + java.util.Base64.getEncoder().encodeToString(
                        "ct-study.pdf".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + ",filetype "
                        + java.util.Base64.getEncoder().encodeToString("application/pdf".getBytes(
                                java.nio.charset.StandardCharsets.UTF_8)))
                .when().post("/api/portal/cases/" + caseId + "/uploads").then().statusCode(201)
                .extract().header("Location");

        long before = service.residentKb();
        Sampler rss = new Sampler();
        HeapSampler heap = new HeapSampler();
        long started = System.nanoTime();
        // HTTP/1.1, as tus clients speak it (the JDK client would otherwise ask to upgrade to HTTP/2 in clear text);
        // pieces of 50 MB, under the HTTP layer's body limit (QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE, 60 MB)
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.net.http.HttpResponse<String> sent = null;
        int pieces = 0;
        try (java.io.InputStream file = Files.newInputStream(study)) {
            for (long offset = 0; offset < UPLOAD_BYTES; offset += PIECE, pieces++) {
                byte[] piece = file.readNBytes((int) Math.min(PIECE, UPLOAD_BYTES - offset));
                sent = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(location))
                        .header("Authorization", "Bearer " + physician).header("Tus-Resumable", "1.0.0")
                        .header("Content-Type", "application/offset+octet-stream")
                        .header("Upload-Offset", String.valueOf(offset))
                        .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofByteArray(piece)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(sent.statusCode()).as(sent.body()).isEqualTo(204);
            }
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        long peakRss = rss.stop();
        long[] heapPeak = heap.stop();
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(204);
        assertThat(sent.headers().firstValue("Upload-Offset")).hasValue(String.valueOf(UPLOAD_BYTES));
        assertThat(sent.headers().firstValue("X-Document-Sha256")).as("stored, and the file sent").hasValue(sha);
        Files.delete(study);
        String figures = ("# A resumable upload of %,d bytes through the packaged service%n%n"
                + "JVM flags as k8s/ipc-coordination.yaml sets them (`%s`), MALLOC_ARENA_MAX=2, documents in S3 (S3Proxy); "
                + "%,d bytes in %d PATCH pieces of 50 MB over loopback, then the file checked (type, SHA-256) and stored.%n%n"
                + "| | |%n| --- | --- |%n| time (receive, check, store) | %d ms |%n| resident memory before | %d MB |%n"
                + "| resident memory, peak | %d MB (+%d MB) |%n| heap in use, peak (the service's /q/metrics, every 200 ms) | %d MB of %d MB committed |%n"
                + "| SHA-256 | %s |%n").formatted(UPLOAD_BYTES, PackagedService.productionJvmFlags(), UPLOAD_BYTES, pieces,
                millis, before / 1024,
                peakRss / 1024, (peakRss - before) / 1024, heapPeak[0] / 1024, heapPeak[1] / 1024, sha);
        Files.writeString(Path.of("target", "resumable-upload-memory.md"), figures);
        System.out.print(figures);
        assertThat(heapPeak[0]).as("heap in use stays within the 256 MB heap").isLessThan(256 * 1024);
    }

    /**
     * Samples the service's heap in use and committed (KiB) from its own Prometheus metrics (Micrometer's
     * jvm_memory_used_bytes and jvm_memory_committed_bytes of area heap) every 200 ms until stopped; answers the
     * peaks.
     */
    private static final class HeapSampler {
        private final java.util.concurrent.atomic.AtomicLong used = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong committed = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        private final java.util.concurrent.atomic.AtomicInteger samples = new java.util.concurrent.atomic.AtomicInteger();
        private final Thread thread;

        HeapSampler() {
            java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                    .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
            thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        String metrics = http.send(java.net.http.HttpRequest.newBuilder(service.base.resolve("/q/metrics"))
                                .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                        used.accumulateAndGet(sum(metrics, "jvm_memory_used_bytes"), Math::max);
                        committed.accumulateAndGet(sum(metrics, "jvm_memory_committed_bytes"), Math::max);
                        samples.incrementAndGet();
                        Thread.sleep(200);
                    } catch (IOException e) {
                        // the service is busy; the next sample will tell
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            thread.start();
        }

        private static long sum(String metrics, String name) {
            return metrics.lines().filter(l -> l.startsWith(name + "{") && l.contains("area=\"heap\""))
                    .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) / 1024).sum();
        }

        long[] stop() throws InterruptedException {
            running.set(false);
            thread.join();
            assertThat(samples.get()).as("the heap was sampled").isPositive();
            return new long[] { used.get(), committed.get() };
        }
    }

    /** Samples the service's resident memory until stopped; answers the peak in KiB. */
    private static final class Sampler {
        private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        private final Thread thread = new Thread(() -> {
            while (running.get()) {
                try {
                    peak.accumulateAndGet(service.residentKb(), Math::max);
                    Thread.sleep(20);
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        });

        Sampler() {
            thread.start();
        }

        long stop() throws InterruptedException {
            running.set(false);
            thread.join();
            return peak.get();
        }
    }

    private java.net.http.HttpRequest multipart(String caseId, String token, Path file) throws IOException {
        String boundary = "ipc-it-" + System.nanoTime();
        return java.net.http.HttpRequest.newBuilder(service.base.resolve("/api/portal/cases/" + caseId + "/documents"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.concat(
                        java.net.http.HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: "
                                + "form-data; name=\"file\"; filename=\"ct-series.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"),
                        java.net.http.HttpRequest.BodyPublishers.ofFile(file),
                        java.net.http.HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
                .build();
    }

    private static String storageKey(String documentId) throws SQLException {
        return query("select storage_key from document where id = '" + java.util.UUID.fromString(documentId) + "'").get(0);
    }

    @Test
    @Order(4)
    void logsJsonWithTheRequestIdOnEveryLineOfARequest() throws Exception {
        given().header("X-Request-Id", "it-json-log-0001").auth().oauth2(issuer.token("dr-haddad", "physician"))
                .when().get("/api/no-such-endpoint").then().statusCode(404);

        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<com.fasterxml.jackson.databind.JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("target", "packaged-service.log"))) {
            if (line.startsWith("{")) {
                lines.add(json.readTree(line));
            }
        }
        assertThat(lines).as("production logs JSON, one object per line").hasSizeGreaterThan(10);
        assertThat(lines).filteredOn(l -> l.path("message").asText().contains("/api/no-such-endpoint"))
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l.at("/mdc/requestId").asText()).isEqualTo("it-json-log-0001"));
    }

    @Test
    @Order(4)
    void refusesTokensTheRealmDidNotSign() throws Exception {
        given().auth().oauth2(issuer.forgedToken("dr-haddad", "physician")).when().get("/api/portal/cases")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    @Order(4)
    void refusesTokensMeantForAnotherClientByDefault() {
        given().auth().oauth2(issuer.tokenForAnotherClient("dr-haddad", "physician")).when().get("/api/portal/cases")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    @Order(4)
    void hasNoDevModeTokenHelper() {
        given().when().get("/dev/token/physician").then().statusCode(404);
    }

    @Test
    @Order(5)
    void isNotReadyWhileTheDatabaseIsDown() throws IOException {
        postgres.close();
        given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        postgres = null;
    }

    private static String writePdf(Path file, long size) throws Exception {
        java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
        java.util.Random random = new java.util.Random(7);
        byte[] chunk = new byte[1024 * 1024];
        try (java.io.OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += chunk.length) {
                random.nextBytes(chunk);
                if (written == 0) {
                    byte[] header = "%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                    System.arraycopy(header, 0, chunk, 0, header.length);
                }
                out.write(chunk);
                digest.update(chunk);
            }
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256(java.io.InputStream in) throws Exception {
        java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
            digest.update(buffer, 0, n);
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    private static List<String> query(String sql) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            List<String> values = new java.util.ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    private static List<String> tables() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                ResultSet rs = c.createStatement().executeQuery(
                        "select table_name from information_schema.tables where table_schema = 'public'")) {
            List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }
}
