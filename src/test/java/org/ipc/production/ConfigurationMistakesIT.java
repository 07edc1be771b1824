package org.ipc.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ipc.testing.FreePorts;
import org.ipc.testing.PackagedService;
import org.ipc.testing.S3Server;
import org.ipc.testing.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The packaged service started as production starts it, with mistakes in its configuration: it stops with exit code
 * 1 and one line per mistake that names the environment variable, never Quarkus' "Failed to load config value" about
 * a property, never the secret it was given. Each check on its own is {@code StartupChecksTest}'s (in-process, one
 * mistake at a time) and {@code S3StorageTest}'s (the object store's own answers); here, the wiring: the checks run
 * before anything in the packaged jar, under any profile, and a setting only the running service can check (the
 * bucket, asked of a real S3 server) stops it the same way.
 */
class ConfigurationMistakesIT {

    private static EmbeddedPostgres postgres;
    private static TestIssuer issuer;
    private static S3Server s3;

    @BeforeAll
    static void startServers() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "config-it-postgres"));
        postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(org.ipc.testing.PostgresServer.BINARIES.toFile())
                .setDataDirectory(work.resolve("data")).setCleanDataDirectory(true).start();
        issuer = TestIssuer.start();
        s3 = S3Server.start(Path.of("target", "config-it-s3"));
    }

    @AfterAll
    static void stopServers() throws Exception {
        if (s3 != null) {
            s3.stop();
        }
        if (issuer != null) {
            issuer.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static Map<String, String> sound() {
        Map<String, String> env = new HashMap<>(PackagedService.environment(postgres.getJdbcUrl("postgres", "postgres"),
                issuer.url(), FreePorts.next(), Path.of("target", "config-it-documents")));
        env.putAll(s3.serviceEnvironment());
        return env;
    }

    @Test
    void nothingConfiguredNamesEveryRequiredVariableOnce() throws Exception {
        PackagedService.Exit exit = PackagedService.runUntilExit(Map.of(), Path.of("target", "config-it-nothing.log"),
                Duration.ofSeconds(60));

        assertThat(exit.code()).as(exit.output()).isEqualTo(1);
        for (String variable : List.of("IPC_INBOX_STATE_SECRET", "QUARKUS_DATASOURCE_JDBC_URL",
                "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_OIDC_AUTH_SERVER_URL", "IPC_DATA_KEY")) {
            assertThat(exit.output().lines().filter(l -> l.startsWith("Configuration error: " + variable + " ")))
                    .as(variable + " in:\n" + exit.output()).hasSize(1);
        }
        assertThat(exit.output()).doesNotContain("Failed to load config value", "SRCFG");
    }

    /** A hospital's own profile gets no built-in secret, and the template's placeholders are refused by name. */
    @Test
    void anotherProfileWithTheTemplatesPlaceholdersStopsNamingThem() throws Exception {
        Map<String, String> env = sound();
        env.put("QUARKUS_PROFILE", "staging");
        env.put("IPC_INBOX_STATE_SECRET", "REPLACE-with-at-least-32-random-characters");
        env.put("IPC_DATA_KEY", "REPLACE-with-32-random-bytes-in-base64");

        PackagedService.Exit exit = PackagedService.runUntilExit(env, Path.of("target", "config-it-staging.log"),
                Duration.ofSeconds(60));

        assertThat(exit.code()).as(exit.output()).isEqualTo(1);
        assertThat(exit.output().lines().filter(l -> l.startsWith("Configuration error:")).toList())
                .as(exit.output()).hasSize(2)
                .anySatisfy(l -> assertThat(l).startsWith("Configuration error: IPC_INBOX_STATE_SECRET still holds the "
                        + "placeholder of k8s/secrets.template.yaml"))
                .anySatisfy(l -> assertThat(l).startsWith("Configuration error: IPC_DATA_KEY still holds the placeholder"));
        assertThat(exit.output()).doesNotContain("Failed to load config value", "SRCFG");
    }

    @Test
    void aBucketTheStoreDoesNotHaveStopsTheRunningStartInOneLine() throws Exception {
        Map<String, String> env = sound();
        env.put("IPC_DOCUMENTS_S3_BUCKET", "no-such-bucket");

        PackagedService.Exit exit = PackagedService.runUntilExit(env, Path.of("target", "config-it-bucket.log"),
                Duration.ofSeconds(120));

        List<String> naming = exit.output().lines().filter(l -> l.contains("IPC_DOCUMENTS_S3_BUCKET")).toList();
        assertThat(exit.code()).as(exit.output()).isEqualTo(1);
        assertThat(naming).as(exit.output()).hasSize(1);
        assertThat(naming.get(0)).contains("IPC_DOCUMENTS_S3_BUCKET: the object store at");
        assertThat(exit.output()).doesNotContain("Failed to load config value", "SRCFG");
    }
}
