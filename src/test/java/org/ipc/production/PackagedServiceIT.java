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
    /** Large enough that a service holding it in memory fails: the production heap is 160 MB. */
    private static final long LARGE = 300L * 1024 * 1024;

    @BeforeAll
    static void startServiceAsProductionDoes() throws Exception {
        Path work = Path.of("target", "it-postgres");
        Files.createDirectories(work);
        postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(work.toFile())
                .setDataDirectory(work.resolve("data")).setCleanDataDirectory(true).start();
        issuer = TestIssuer.start();
        s3 = S3Server.start(Path.of("target", "it-s3"));
        Map<String, String> env = PackagedService.environment(postgres.getJdbcUrl("postgres", "postgres"),
                issuer.url(), FreePorts.next(), Path.of("target", "it-documents"));
        env.putAll(s3.serviceEnvironment());
        env.put("MALLOC_ARENA_MAX", "2");
        // one document of up to 320 MB in one upload, to prove large files stream through
        env.put("IPC_DOCUMENTS_MAX_FILE_SIZE", String.valueOf(320L * 1024 * 1024));
        env.put("QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE", "330M");
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

    @Test
    @Order(2)
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
    @Order(3)
    void aThreeHundredMegabyteDocumentStreamsThroughToTheObjectStoreAndBackWithA160MegabyteHeap() throws Exception {
        String physician = issuer.token("dr-haddad", "physician");
        String caseId = given().auth().oauth2(physician).contentType(ContentType.JSON)
                .body(CaseRequests.secondOpinion()).when().post("/api/portal/cases")
                .then().statusCode(201).extract().path("id");
        Path file = Path.of("target", "it-large-imaging.pdf");
        String sha = writeLargePdf(file);

        long before = service.residentKb();
        java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong(before);
        java.util.concurrent.atomic.AtomicBoolean moving = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (moving.get()) {
                try {
                    peak.accumulateAndGet(service.residentKb(), Math::max);
                    Thread.sleep(20);
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String boundary = "ipc-it-" + System.nanoTime();
        java.net.http.HttpRequest upload = java.net.http.HttpRequest.newBuilder(service.base.resolve(
                "/api/portal/cases/" + caseId + "/documents"))
                .header("Authorization", "Bearer " + physician)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.concat(
                        java.net.http.HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: "
                                + "form-data; name=\"file\"; filename=\"ct-series.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"),
                        java.net.http.HttpRequest.BodyPublishers.ofFile(file),
                        java.net.http.HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
                .build();
        long started = System.nanoTime();
        java.net.http.HttpResponse<String> stored = http.send(upload, java.net.http.HttpResponse.BodyHandlers.ofString());
        long uploadMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        String docId = io.restassured.path.json.JsonPath.from(stored.body()).getString("items[0].id");
        assertThat(io.restassured.path.json.JsonPath.from(stored.body()).getString("items[0].sha256")).isEqualTo(sha);

        started = System.nanoTime();
        java.net.http.HttpResponse<java.io.InputStream> download = http.send(java.net.http.HttpRequest.newBuilder(
                service.base.resolve("/api/portal/cases/" + caseId + "/documents/" + docId))
                .header("Authorization", "Bearer " + physician).build(),
                java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        assertThat(download.statusCode()).isEqualTo(200);
        String downloaded;
        try (java.io.InputStream in = download.body()) {
            downloaded = sha256(in);
        }
        long downloadMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        moving.set(false);
        sampler.join();
        assertThat(downloaded).as("the download is the upload, byte for byte").isEqualTo(sha);
        assertThat(s3.objectKeys()).as("the document is an object in the store").isNotEmpty();
        Files.delete(file);
        uploadFigures = ("300 MB document through the S3 store: upload %d ms, download %d ms; service RSS %d MB before, "
                + "%d MB peak (+%d MB), heap limited to 160 MB%n").formatted(uploadMillis, downloadMillis,
                before / 1024, peak.get() / 1024, (peak.get() - before) / 1024);
    }

    @Test
    @Order(3)
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
    @Order(3)
    void refusesTokensTheRealmDidNotSign() throws Exception {
        given().auth().oauth2(issuer.forgedToken("dr-haddad", "physician")).when().get("/api/portal/cases")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    @Order(3)
    void refusesTokensMeantForAnotherClientByDefault() {
        given().auth().oauth2(issuer.tokenForAnotherClient("dr-haddad", "physician")).when().get("/api/portal/cases")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    @Order(3)
    void hasNoDevModeTokenHelper() {
        given().when().get("/dev/token/physician").then().statusCode(404);
    }

    @Test
    @Order(4)
    void isNotReadyWhileTheDatabaseIsDown() throws IOException {
        postgres.close();
        given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        postgres = null;
    }

    private static String writeLargePdf(Path file) throws Exception {
        java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
        java.util.Random random = new java.util.Random(7);
        byte[] chunk = new byte[1024 * 1024];
        try (java.io.OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < LARGE; written += chunk.length) {
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
