package org.ipc.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.ipc.testing.FreePorts;
import org.ipc.testing.PackagedService;
import org.ipc.testing.S3Server;
import org.ipc.testing.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The packaged service started as production starts it, with one configuration mistake at a time: it stops with
 * exit code 1 and one line that names the environment variable and what it expects, never Quarkus' "Failed to load
 * config value" about a property, and never the secret it was given. The object store's own answers (wrong keys,
 * no such bucket) are checked at start too, against a real S3 server.
 */
class ConfigurationMistakesIT {

    private static EmbeddedPostgres postgres;
    private static TestIssuer issuer;
    private static S3Server s3;

    @BeforeAll
    static void startServers() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "config-it-postgres"));
        postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(work.toFile())
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

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("IPC_INBOX_STATE_SECRET", null, "IPC_INBOX_STATE_SECRET is not set: give at least 32 random characters"),
                Arguments.of("IPC_INBOX_STATE_SECRET", "short-secret", "IPC_INBOX_STATE_SECRET has 12 characters: give at least 32"),
                Arguments.of("QUARKUS_DATASOURCE_JDBC_URL", null, "QUARKUS_DATASOURCE_JDBC_URL is not set: give the PostgreSQL database"),
                Arguments.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:mysql://db:3306/ipc", "QUARKUS_DATASOURCE_JDBC_URL does not start with jdbc:postgresql://"),
                Arguments.of("QUARKUS_OIDC_AUTH_SERVER_URL", null, "QUARKUS_OIDC_AUTH_SERVER_URL is not set: give the Keycloak realm's URL"),
                Arguments.of("QUARKUS_OIDC_AUTH_SERVER_URL", "keycloak/realms/ipc", "QUARKUS_OIDC_AUTH_SERVER_URL is 'keycloak/realms/ipc': give the Keycloak realm's http(s) URL"),
                Arguments.of("IPC_DOCUMENTS_STORAGE", "nfs", "IPC_DOCUMENTS_STORAGE is 'nfs': set it to s3"),
                Arguments.of("IPC_DOCUMENTS_S3_BUCKET", null, "IPC_DOCUMENTS_S3_BUCKET is not set: name the bucket"),
                Arguments.of("IPC_DOCUMENTS_S3_ENDPOINT", "minio:9000", "IPC_DOCUMENTS_S3_ENDPOINT is 'minio:9000': it must be an http:// or https:// URL"),
                Arguments.of("IPC_DOCUMENTS_S3_SECRET_ACCESS_KEY", null, "IPC_DOCUMENTS_S3_SECRET_ACCESS_KEY is not set"),
                Arguments.of("IPC_DOCUMENTS_S3_PATH_STYLE", "yes", "IPC_DOCUMENTS_S3_PATH_STYLE is 'yes': set it to true"),
                // the object store itself refuses: checked at start, one line again
                Arguments.of("IPC_DOCUMENTS_S3_SECRET_ACCESS_KEY", "a-secret-the-store-does-not-know",
                        "IPC_DOCUMENTS_S3_ACCESS_KEY_ID and IPC_DOCUMENTS_S3_SECRET_ACCESS_KEY: the object store at"),
                Arguments.of("IPC_DOCUMENTS_S3_BUCKET", "no-such-bucket", "IPC_DOCUMENTS_S3_BUCKET: the object store at"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("mistakes")
    void aMistakeStopsTheStartWithOneLineNamingTheVariable(String variable, String value, String line) throws Exception {
        Map<String, String> env = new HashMap<>(PackagedService.environment(postgres.getJdbcUrl("postgres", "postgres"),
                issuer.url(), FreePorts.next(), Path.of("target", "config-it-documents")));
        env.putAll(s3.serviceEnvironment());
        if (value == null) {
            env.remove(variable);
        } else {
            env.put(variable, value);
        }

        PackagedService.Exit exit = PackagedService.runUntilExit(env,
                Path.of("target", "config-it-" + variable.toLowerCase() + ".log"), Duration.ofSeconds(120));

        List<String> naming = exit.output().lines().filter(l -> l.contains(variable)).toList();
        assertThat(exit.code()).as(exit.output()).isEqualTo(1);
        assertThat(naming).as(exit.output()).hasSize(1);
        assertThat(naming.get(0)).contains(line);
        assertThat(exit.output()).doesNotContain("Failed to load config value", "SRCFG", "a-secret-the-store-does-not-know",
                "short-secret");
    }
}
