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
    private static PackagedService service;
    private static String uploadFigures = "";

    @BeforeAll
    static void startServiceAsProductionDoes() throws Exception {
        Path work = Path.of("target", "it-postgres");
        Files.createDirectories(work);
        postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(work.toFile())
                .setDataDirectory(work.resolve("data")).setCleanDataDirectory(true).start();
        issuer = TestIssuer.start();
        Map<String, String> env = PackagedService.environment(postgres.getJdbcUrl("postgres", "postgres"),
                issuer.url(), FreePorts.next(), Path.of("target", "it-documents"));
        env.put("MALLOC_ARENA_MAX", "2");
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

        long before = service.residentKb();
        java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong(before);
        java.util.concurrent.atomic.AtomicBoolean uploading = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (uploading.get()) {
                try {
                    peak.accumulateAndGet(service.residentKb(), Math::max);
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
        long after = service.residentKb();

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
}
