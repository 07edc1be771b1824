package org.ipc.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The packaged service's start-up checks, one mistake at a time, read as production reads them: environment
 * variables through the configuration (so {@code QUARKUS_DATASOURCE_JDBC_URL} is {@code quarkus.datasource.jdbc.url}).
 * Each mistake is exactly one line that names the variable and never repeats the secret it was given. That the
 * packaged jar prints these lines and stops is {@code ConfigurationMistakesIT}'s part.
 */
class StartupChecksTest {

    /** A production environment with nothing wrong in it. */
    static Map<String, String> sound() {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db.hospital.example:5432/ipc");
        env.put("QUARKUS_DATASOURCE_USERNAME", "ipc");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "a-database-password");
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", "https://keycloak.hospital.example/realms/ipc");
        env.put("IPC_INBOX_STATE_SECRET", "an-inbox-state-secret-of-more-than-32-characters");
        env.put("IPC_DATA_KEY", "cGFja2FnZWQtc2VydmljZS10ZXN0LWtleS0wMTIzNDU=");
        env.put("IPC_DATA_KEY_ID", "k2");
        env.put("IPC_DOCUMENTS_STORAGE", "s3");
        env.put("IPC_DOCUMENTS_S3_ENDPOINT", "https://objects.hospital.example");
        env.put("IPC_DOCUMENTS_S3_BUCKET", "ipc-documents");
        env.put("IPC_DOCUMENTS_S3_REGION", "us-east-1");
        env.put("IPC_DOCUMENTS_S3_ACCESS_KEY_ID", "an-access-key");
        env.put("IPC_DOCUMENTS_S3_SECRET_ACCESS_KEY", "a-secret-key");
        env.put("IPC_DOCUMENTS_S3_PATH_STYLE", "true");
        return env;
    }

    static List<String> problems(Map<String, String> env) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withSources(new EnvConfigSource(env, 300)).build();
        return StartupChecks.problems(name -> config.getOptionalValue(name, String.class));
    }

    @Test
    void aSoundEnvironmentHasNoProblem() {
        assertThat(problems(sound())).isEmpty();
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("IPC_INBOX_STATE_SECRET", null, "IPC_INBOX_STATE_SECRET is not set: give at least 32 random characters"),
                Arguments.of("IPC_INBOX_STATE_SECRET", "short-secret", "IPC_INBOX_STATE_SECRET has 12 characters: give at least 32"),
                Arguments.of("IPC_INBOX_STATE_SECRET", "dev-and-test-only-state-secret-0123456789", "IPC_INBOX_STATE_SECRET holds a built-in value of dev mode and the tests"),
                Arguments.of("IPC_DATA_KEY", null, "IPC_DATA_KEY is not set: give the data key"),
                Arguments.of("IPC_DATA_KEY", "c2hvcnQ=", "IPC_DATA_KEY is not 32 bytes in Base64"),
                Arguments.of("IPC_DATA_KEY", "not base64 at all!", "IPC_DATA_KEY is not 32 bytes in Base64"),
                Arguments.of("IPC_DATA_KEY", "ZGV2LW9ubHktZGF0YS1rZXktMDEyMzQ1Njc4OWFiY2Q=", "IPC_DATA_KEY holds a built-in value"),
                Arguments.of("IPC_DATA_KEY_ID", "key one", "IPC_DATA_KEY_ID is 'key one': give 1 to 32 letters"),
                Arguments.of("IPC_DATA_KEY_RETIRED", "k1=cGFja2FnZWQ", "IPC_DATA_KEY_RETIRED: each former key is id:base64 of 32 bytes"),
                Arguments.of("QUARKUS_DATASOURCE_JDBC_URL", null, "QUARKUS_DATASOURCE_JDBC_URL is not set: give the PostgreSQL database"),
                Arguments.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:mysql://db:3306/ipc", "QUARKUS_DATASOURCE_JDBC_URL does not start with jdbc:postgresql://"),
                Arguments.of("QUARKUS_DATASOURCE_USERNAME", null, "QUARKUS_DATASOURCE_USERNAME is not set"),
                Arguments.of("QUARKUS_OIDC_AUTH_SERVER_URL", null, "QUARKUS_OIDC_AUTH_SERVER_URL is not set: give the Keycloak realm's URL"),
                Arguments.of("QUARKUS_OIDC_AUTH_SERVER_URL", "keycloak/realms/ipc", "QUARKUS_OIDC_AUTH_SERVER_URL is 'keycloak/realms/ipc': give the Keycloak realm's http(s) URL"),
                Arguments.of("IPC_DOCUMENTS_STORAGE", "nfs", "IPC_DOCUMENTS_STORAGE is 'nfs': set it to s3"),
                Arguments.of("IPC_DOCUMENTS_S3_BUCKET", null, "IPC_DOCUMENTS_S3_BUCKET is not set: name the bucket"),
                Arguments.of("IPC_DOCUMENTS_S3_ENDPOINT", "minio:9000", "IPC_DOCUMENTS_S3_ENDPOINT is 'minio:9000': it must be an http:// or https:// URL"),
                Arguments.of("IPC_DOCUMENTS_S3_SECRET_ACCESS_KEY", null, "IPC_DOCUMENTS_S3_SECRET_ACCESS_KEY is not set"),
                Arguments.of("IPC_DOCUMENTS_S3_PATH_STYLE", "yes", "IPC_DOCUMENTS_S3_PATH_STYLE is 'yes': set it to true"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("mistakes")
    void aMistakeIsOneLineNamingTheVariable(String variable, String value, String line) {
        Map<String, String> env = sound();
        if (value == null) {
            env.remove(variable);
        } else {
            env.put(variable, value);
        }

        List<String> problems = problems(env);

        assertThat(problems).as("one line, naming " + variable).hasSize(1);
        assertThat(problems.get(0)).startsWith(variable).contains(line);
        if (value != null && !"IPC_DOCUMENTS_STORAGE".equals(variable) && !variable.endsWith("_ENDPOINT")
                && !variable.endsWith("_PATH_STYLE") && !variable.endsWith("_URL") && !variable.endsWith("_ID")) {
            assertThat(problems.get(0)).as("a secret is never repeated").doesNotContain(value);
        }
    }

    @Test
    void nothingSetNamesEachRequiredVariableOnce() {
        List<String> problems = problems(Map.of());

        assertThat(problems).extracting(p -> p.split(" ", 2)[0]).containsExactly("IPC_INBOX_STATE_SECRET",
                "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_OIDC_AUTH_SERVER_URL",
                "IPC_DATA_KEY");
    }

    /**
     * Every secret the deployment reads from {@code k8s/secrets.template.yaml}, left as the template has it, is named:
     * a placeholder long enough to pass as a secret (the state secret's has 42 characters) is still refused.
     */
    @Test
    void theTemplatesPlaceholdersAreRefusedByName() throws IOException {
        Map<String, String> fromTemplate = templateValuesByVariable();
        assertThat(fromTemplate).containsKeys("IPC_INBOX_STATE_SECRET", "IPC_DATA_KEY", "QUARKUS_DATASOURCE_PASSWORD",
                "IPC_DOCUMENTS_S3_SECRET_ACCESS_KEY");
        Map<String, String> env = sound();
        fromTemplate.forEach((variable, value) -> {
            if (value.startsWith(StartupChecks.TEMPLATE_PLACEHOLDER)) {
                env.put(variable, value);
            }
        });

        List<String> problems = problems(env);

        List<String> placeholders = fromTemplate.entrySet().stream()
                .filter(e -> e.getValue().startsWith(StartupChecks.TEMPLATE_PLACEHOLDER)).map(Map.Entry::getKey)
                .sorted().toList();
        assertThat(problems).extracting(p -> p.split(" ", 2)[0]).containsExactlyInAnyOrderElementsOf(placeholders);
        assertThat(problems).allSatisfy(p -> assertThat(p).contains("still holds the placeholder of "
                + "k8s/secrets.template.yaml").doesNotContain(StartupChecks.TEMPLATE_PLACEHOLDER + "with"));
    }

    /** Variable name to the template's value, following the deployment's secretKeyRefs. */
    private static Map<String, String> templateValuesByVariable() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, String> secrets = new HashMap<>();
        for (String document : Files.readString(Path.of("k8s", "secrets.template.yaml")).split("(?m)^---$")) {
            JsonNode secret = yaml.readTree(document);
            secret.path("stringData").fields().forEachRemaining(e -> secrets.put(
                    secret.path("metadata").path("name").asText() + "/" + e.getKey(), e.getValue().asText()));
        }
        Map<String, String> byVariable = new LinkedHashMap<>();
        Matcher ref = Pattern.compile("- name: (\\w+)\\s+valueFrom:\\s+secretKeyRef: \\{ name: ([\\w-]+), key: ([\\w-]+) }")
                .matcher(Files.readString(Path.of("k8s", "ipc-coordination.yaml")));
        while (ref.find()) {
            byVariable.put(ref.group(1), secrets.get(ref.group(2) + "/" + ref.group(3)));
        }
        return byVariable;
    }

    @Test
    void onlyDevModeAndTheTestsHaveBuiltInSecrets() throws IOException {
        for (String profile : List.of("prod", "staging", "hospital-test")) {
            SmallRyeConfig config = new SmallRyeConfigBuilder().withProfile(profile)
                    .withSources(new io.smallrye.config.PropertiesConfigSource(
                            Path.of("src", "main", "resources", "application.properties").toUri().toURL(), 250))
                    .build();
            for (String property : List.of("quarkus.oidc.web.authentication.state-secret",
                    "quarkus.oidc.web.token-state-manager.encryption-secret",
                    "quarkus.oidc.portal-web.authentication.state-secret",
                    "quarkus.oidc.portal-web.token-state-manager.encryption-secret", "ipc.data-key.secret")) {
                assertThat(resolves(config, property)).as(profile + ": " + property + " without a secret given")
                        .isFalse();
            }
        }
        for (String profile : List.of("dev", "test")) {
            SmallRyeConfig config = new SmallRyeConfigBuilder().withProfile(profile)
                    .withSources(new io.smallrye.config.PropertiesConfigSource(
                            Path.of("src", "main", "resources", "application.properties").toUri().toURL(), 250))
                    .build();
            assertThat(config.getValue("quarkus.oidc.web.authentication.state-secret", String.class))
                    .isIn(StartupChecks.BUILT_IN_SECRETS);
            assertThat(config.getValue("ipc.data-key.secret", String.class)).isIn(StartupChecks.BUILT_IN_SECRETS);
        }
    }

    private static boolean resolves(SmallRyeConfig config, String property) {
        try {
            return config.getOptionalValue(property, String.class).isPresent();
        } catch (java.util.NoSuchElementException unresolvedExpression) {
            return false;
        }
    }
}
