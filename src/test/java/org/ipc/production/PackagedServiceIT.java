package org.ipc.production;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ipc.testing.CaseRequests;
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
 * only by the Quarkus environment variables of DESIGN.md, against a fresh PostgreSQL whose schema it creates
 * itself, trusting an OIDC issuer shaped like a Keycloak realm. Records its start time and memory.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedServiceIT {

    private static EmbeddedPostgres postgres;
    private static TestIssuer issuer;
    private static Process service;
    private static long readyMillis;
    private static String uploadFigures = "";

    @BeforeAll
    static void startServiceAsProductionDoes() throws Exception {
        Path work = Path.of("target", "it-postgres");
        Files.createDirectories(work);
        postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(work.toFile())
                .setDataDirectory(work.resolve("data")).setCleanDataDirectory(true).start();
        issuer = TestIssuer.start();
        int port = freePort();

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(productionJvmFlags().split("\\s+")));
        command.addAll(List.of("-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "packaged-service.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("MALLOC_ARENA_MAX", "2");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", "postgres"));
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", issuer.url());
        env.put("QUARKUS_OIDC_CLIENT_ID", "ipc-api");
        env.put("IPC_INBOX_STATE_SECRET", "packaged-service-it-state-secret-0123456789");
        env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        env.put("QUARKUS_MAILER_PORT", String.valueOf(freePort()));
        env.put("IPC_DOCUMENTS_DIRECTORY", Path.of("target", "it-documents").toAbsolutePath().toString());

        long started = System.nanoTime();
        service = builder.start();
        RestAssured.port = port;
        waitUntilReady(port, Duration.ofSeconds(90));
        readyMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    @AfterAll
    static void stopAll() throws IOException, InterruptedException {
        if (service != null) {
            long rssKb = residentKb(service.pid());
            service.destroy();
            service.waitFor();
            String figures = ("packaged service: ready in %d ms (JVM start to /q/health/ready UP), RSS %d MB after the tests%n"
                    + "%s").formatted(readyMillis, rssKb / 1024, uploadFigures);
            Files.writeString(Path.of("target", "packaged-service-figures.txt"), figures);
            System.out.print(figures);
        }
        if (issuer != null) {
            issuer.close();
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
    void aFiftyMegabyteUploadStreamsThroughWithoutHoldingTheFileInMemory() throws Exception {
        String physician = issuer.token("dr-haddad", "physician");
        String caseId = given().auth().oauth2(physician).contentType(ContentType.JSON)
                .body(CaseRequests.secondOpinion()).when().post("/api/portal/cases")
                .then().statusCode(201).extract().path("id");
        byte[] file = new byte[50 * 1024 * 1024];
        new java.util.Random(7).nextBytes(file);
        byte[] header = "%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, file, 0, header.length);

        long before = residentKb(service.pid());
        java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong(before);
        java.util.concurrent.atomic.AtomicBoolean uploading = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (uploading.get()) {
                try {
                    peak.accumulateAndGet(residentKb(service.pid()), Math::max);
                    Thread.sleep(20);
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long started = System.nanoTime();
        String sha = given().auth().oauth2(physician).multiPart("file", "ct-series.pdf", file, "application/pdf")
                .when().post("/api/portal/cases/" + caseId + "/documents")
                .then().statusCode(201).extract().path("items[0].sha256");
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        uploading.set(false);
        sampler.join();
        long after = residentKb(service.pid());

        assertThat(sha).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(file)));
        uploadFigures = ("50 MB upload: %d ms; service RSS %d MB before, %d MB peak while uploading (+%d MB), %d MB after%n")
                .formatted(millis, before / 1024, peak.get() / 1024, (peak.get() - before) / 1024, after / 1024);
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

    private static void waitUntilReady(int port, Duration limit) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the packaged service exited; see target/packaged-service.log");
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // connection refused until the HTTP server is up: poll again
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the packaged service was not ready within " + limit);
    }

    private static long residentKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** The JVM flags the deployment sets ({@code JAVA_OPTS_APPEND} in k8s/), so this test runs what production runs. */
    private static String productionJvmFlags() throws IOException {
        Matcher flags = Pattern.compile("- name: JAVA_OPTS_APPEND\\s+value: \"([^\"]+)\"")
                .matcher(Files.readString(Path.of("k8s", "ipc-coordination.yaml")));
        if (!flags.find()) {
            throw new IllegalStateException("k8s/ipc-coordination.yaml sets no JAVA_OPTS_APPEND");
        }
        return flags.group(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
