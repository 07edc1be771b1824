package org.ipc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real Keycloak server from its Maven Central distribution (unpacked into {@code target/} by the build), no
 * Docker: the production realm {@code k8s/keycloak/ipc-realm.json} with the demo users and password-grant test
 * clients of {@code src/test/resources/keycloak/ipc-demo.json} merged in, plus a second realm ({@code other}) whose
 * tokens the service must refuse. Started once per test run on a free port, with a fresh database: in the
 * background as the run begins when it has a class that needs it ({@link KeycloakEarlyStart}), else when the first
 * such class starts ({@link KeycloakProfile}); stopped with SIGTERM.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    /** The realm's base URL, e.g. {@code http://localhost:41234}; set while the server runs. */
    public static final String URL_PROPERTY = "ipc.test.keycloak.url";
    /** The token endpoint {@link Tokens} uses, and its password-grant client. */
    public static final String TOKEN_URL_PROPERTY = "ipc.test.token-url";
    public static final String TOKEN_CLIENT_PROPERTY = "ipc.test.token-client";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_LIMIT = Duration.ofSeconds(240);

    /** Set by {@link #launch()}: the server's process and port, shared by every class loader of the test JVM. */
    static final String PID_PROPERTY = "ipc.test.keycloak.pid";
    static final String PORT_PROPERTY = "ipc.test.keycloak.port";
    static final String LAUNCHED_PROPERTY = "ipc.test.keycloak.launched-nanos";

    /**
     * Starts the server in the background and returns at once; {@link #start()} waits for it. Called as the test run
     * begins when any class of it needs Keycloak ({@link KeycloakEarlyStart}), so that its 20 to 40 s of starting
     * overlap the tests before, or by {@link #start()} itself. At most once per JVM.
     */
    public static synchronized void launch() {
        if (System.getProperty(PID_PROPERTY) != null) {
            return;
        }
        Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak-26.7.3")).toAbsolutePath();
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("no Keycloak distribution at " + home
                    + "; the build unpacks it in generate-test-resources (./mvnw verify)");
        }
        try {
            int port = FreePorts.next();
            prepareData(home, appPort());
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + port, "--http-host=127.0.0.1", "--http-management-port=" + FreePorts.next(),
                    "--import-realm", "--cache=local")
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(Path.of("target", "keycloak.log").toAbsolutePath().toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            // a server that lives for minutes: the quick compiler alone costs a third less CPU to get it ready
            builder.environment().put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1");
            System.setProperty(LAUNCHED_PROPERTY, String.valueOf(System.nanoTime()));
            Process keycloak = builder.start();
            System.setProperty(PID_PROPERTY, String.valueOf(keycloak.pid()));
            System.setProperty(PORT_PROPERTY, String.valueOf(port));
            System.out.println("Keycloak starting (pid " + keycloak.pid() + ", port " + port + "; log in target/keycloak.log)");
            // never outlive the tests, whether or not a test class got to stop it
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopProcess(keycloak.toHandle()), "keycloak-stop"));
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak did not start; see target/keycloak.log", e);
        }
    }

    @Override
    public Map<String, String> start() {
        launch();
        ProcessHandle keycloak = ProcessHandle.of(Long.parseLong(System.getProperty(PID_PROPERTY)))
                .orElseThrow(() -> new IllegalStateException("Keycloak exited; see target/keycloak.log"));
        try {
            // "localhost", like the service under test: the page's SameSite=Strict sign-in cookies need both on one site
            String base = "http://localhost:" + System.getProperty(PORT_PROPERTY);
            waitForRealm(keycloak, base + "/realms/ipc/.well-known/openid-configuration");
            waitForRealm(keycloak, base + "/realms/other/.well-known/openid-configuration");
            long readyMillis = Duration.ofNanos(System.nanoTime() - Long.parseLong(System.getProperty(LAUNCHED_PROPERTY)))
                    .toMillis();
            String figure = "Keycloak ready in " + readyMillis + " ms (start to both realms' discovery documents)\n";
            Files.writeString(Path.of("target", "keycloak-start.txt"), figure);
            System.out.print(figure);

            Map<String, String> config = new HashMap<>();
            config.put("quarkus.oidc.auth-server-url", base + "/realms/ipc");
            config.put("quarkus.oidc.web.auth-server-url", base + "/realms/ipc");
            config.put(URL_PROPERTY, base);
            config.put(TOKEN_URL_PROPERTY, base + "/realms/ipc/protocol/openid-connect/token");
            config.put(TOKEN_CLIENT_PROPERTY, "ipc-test");
            return config;
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("Keycloak did not start; see target/keycloak.log", e);
        } catch (InterruptedException e) {
            stop();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Keycloak started", e);
        }
    }

    @Override
    public void stop() {
        String pid = System.getProperty(PID_PROPERTY);
        if (pid == null) {
            return;
        }
        ProcessHandle.of(Long.parseLong(pid)).ifPresent(KeycloakResource::stopProcess);
        System.clearProperty(PID_PROPERTY);
        System.clearProperty(PORT_PROPERTY);
    }

    /** SIGTERM to the script and the server it runs, then SIGKILL to what is left after 30 s. */
    private static void stopProcess(ProcessHandle keycloak) {
        java.util.List<ProcessHandle> tree = new java.util.ArrayList<>(keycloak.descendants().toList());
        tree.add(keycloak);
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                p.destroyForcibly();
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * A fresh H2 database (so the realms are imported as they are now) and the realms to import: the production
     * realm with the demo file merged in, and its inbox client allowed to come back to the test's port.
     */
    private static void prepareData(Path home, int appPort) throws IOException {
        Path data = home.resolve("data");
        if (Files.exists(data)) {
            try (Stream<Path> files = Files.walk(data)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Path imports = Files.createDirectories(data.resolve("import"));
        ObjectNode realm = (ObjectNode) JSON.readTree(Path.of("k8s", "keycloak", "ipc-realm.json").toFile());
        ObjectNode demo = (ObjectNode) JSON.readTree(Path.of("src", "test", "resources", "keycloak", "ipc-demo.json")
                .toFile());
        demo.remove("_comment");
        demo.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isArray() && realm.path(field.getKey()).isArray()) {
                ((ArrayNode) realm.get(field.getKey())).addAll((ArrayNode) value);
            } else if (value.isNull()) {
                realm.remove(field.getKey());
            } else {
                realm.set(field.getKey(), value);
            }
        });
        for (JsonNode client : realm.withArray("clients")) {
            if ("ipc-inbox".equals(client.path("clientId").asText())) {
                ArrayNode redirects = ((ObjectNode) client).putArray("redirectUris");
                redirects.add("http://localhost:" + appPort + "/inbox/*");
                redirects.add("http://localhost:" + appPort + "/inbox");
                ((ObjectNode) client).putArray("webOrigins").add("http://localhost:" + appPort);
                ((ObjectNode) client.path("attributes")).put("post.logout.redirect.uris",
                        "http://localhost:" + appPort + "/inbox");
                // the page's tokens carry the demo realm's groups claim too, like the test clients' (ipc-demo.json)
                ((ObjectNode) client).withArray("protocolMappers").add(demoGroupsMapper(demo));
            }
            if ("ipc-portal".equals(client.path("clientId").asText())) {
                // the service's own portal pages sign physicians in through this client
                ((ArrayNode) client.withArray("redirectUris")).add("http://localhost:" + appPort + "/portal/*")
                        .add("http://localhost:" + appPort + "/portal");
                ((ArrayNode) client.withArray("webOrigins")).add("http://localhost:" + appPort);
            }
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(imports.resolve("ipc-realm.json").toFile(), realm);
        ObjectNode other = (ObjectNode) JSON.readTree(Path.of("src", "test", "resources", "keycloak",
                "other-realm.json").toFile());
        other.remove("_comment");
        JSON.writerWithDefaultPrettyPrinter().writeValue(imports.resolve("other-realm.json").toFile(), other);
    }

    /** The group-membership mapper the demo file gives its test clients. */
    private static JsonNode demoGroupsMapper(ObjectNode demo) {
        for (JsonNode mapper : demo.path("clients").path(0).path("protocolMappers")) {
            if ("oidc-group-membership-mapper".equals(mapper.path("protocolMapper").asText())) {
                return mapper;
            }
        }
        throw new IllegalStateException("ipc-demo.json: its first client has no group-membership mapper");
    }

    /** The port the service under test listens on (the README's and CI's {@code -Dquarkus.http.test-port}). */
    private static int appPort() {
        return Integer.parseInt(System.getProperty("quarkus.http.test-port", "8081"));
    }

    private static void waitForRealm(ProcessHandle keycloak, String discovery) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(discovery)).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!keycloak.isAlive()) {
                throw new IOException("Keycloak exited; see target/keycloak.log");
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // refused or reset until Keycloak's HTTP server is up: poll again
            }
            Thread.sleep(250);
        }
        throw new IOException("Keycloak did not serve " + discovery + " within " + START_LIMIT);
    }
}
