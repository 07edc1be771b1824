package org.ipc.operations;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.ipc.documents.StorageSettings;

/**
 * The settings production cannot start without, checked before anything starts: each mistake is one line that
 * names the environment variable and says what it expects, instead of a framework's message about a property.
 */
public final class StartupChecks {

    static final int MIN_SECRET_LENGTH = 32;

    /** How every value of {@code k8s/secrets.template.yaml} begins: a template filled in by nobody. */
    static final String TEMPLATE_PLACEHOLDER = "REPLACE-";

    /** The built-in secrets of dev mode and the tests ({@code application.properties}): public, so never real. */
    static final List<String> BUILT_IN_SECRETS = List.of("dev-and-test-only-state-secret-0123456789",
            "ZGV2LW9ubHktZGF0YS1rZXktMDEyMzQ1Njc4OWFiY2Q=", "dGVzdC1vbmx5LWRhdGEta2V5LTAxMjM0NTY3ODlhYmM=");

    /** The settings that hold secrets: none may keep the template's placeholder or a built-in value. */
    private static final List<String> SECRETS = List.of("IPC_INBOX_STATE_SECRET", "IPC_DATA_KEY", "IPC_DATA_KEY_ID",
            "IPC_DATA_KEY_RETIRED", "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_MAILER_USERNAME", "QUARKUS_MAILER_PASSWORD",
            "IPC_DOCUMENTS_S3_ACCESS_KEY_ID", "IPC_DOCUMENTS_S3_SECRET_ACCESS_KEY");

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int DATA_KEY_BYTES = 32;

    private StartupChecks() {
    }

    /** Every mistake, one line each, reading settings by property name (environment variables map onto them). */
    public static List<String> problems(Function<String, Optional<String>> config) {
        List<String> problems = new ArrayList<>();
        for (String name : SECRETS) {
            Optional<String> value = present(config, name);
            if (value.isPresent() && value.get().startsWith(TEMPLATE_PLACEHOLDER)) {
                problems.add(name + " still holds the placeholder of k8s/secrets.template.yaml: give the real value "
                        + "(docs/operations.md, \"Rotate a secret\", says how to make one)");
            } else if (value.isPresent() && BUILT_IN_SECRETS.contains(value.get().strip())) {
                problems.add(name + " holds a built-in value of dev mode and the tests, which anyone can read in the "
                        + "repository: give a value of your own");
            }
        }
        Optional<String> secret = present(config, "IPC_INBOX_STATE_SECRET");
        if (secret.isEmpty()) {
            problems.add("IPC_INBOX_STATE_SECRET is not set: give at least " + MIN_SECRET_LENGTH + " random characters "
                    + "(they encrypt the inbox page's sign-in state and session cookie), e.g. from openssl rand -base64 48");
        } else if (secret.get().length() < MIN_SECRET_LENGTH) {
            problems.add("IPC_INBOX_STATE_SECRET has " + secret.get().length() + " characters: give at least "
                    + MIN_SECRET_LENGTH + " random characters, e.g. from openssl rand -base64 48");
        }
        Optional<String> jdbc = present(config, "quarkus.datasource.jdbc.url");
        if (jdbc.isEmpty()) {
            problems.add("QUARKUS_DATASOURCE_JDBC_URL is not set: give the PostgreSQL database, e.g. "
                    + "jdbc:postgresql://db.hospital.example:5432/ipc");
        } else if (!jdbc.get().startsWith("jdbc:postgresql://")) {
            problems.add("QUARKUS_DATASOURCE_JDBC_URL does not start with jdbc:postgresql://: give the PostgreSQL "
                    + "database, e.g. jdbc:postgresql://db.hospital.example:5432/ipc");
        }
        if (present(config, "quarkus.datasource.username").isEmpty()) {
            problems.add("QUARKUS_DATASOURCE_USERNAME is not set: give the database user the service signs in as");
        }
        Optional<String> oidc = present(config, "quarkus.oidc.auth-server-url");
        if (oidc.isEmpty()) {
            problems.add("QUARKUS_OIDC_AUTH_SERVER_URL is not set: give the Keycloak realm's URL, e.g. "
                    + "https://keycloak.hospital.example/realms/ipc");
        } else if (!isHttpUrl(oidc.get())) {
            problems.add("QUARKUS_OIDC_AUTH_SERVER_URL is '" + oidc.get() + "': give the Keycloak realm's http(s) URL, "
                    + "e.g. https://keycloak.hospital.example/realms/ipc");
        }
        problems.addAll(dataKeyProblems(config));
        problems.addAll(StorageSettings.problems(config));
        return firstPerVariable(problems);
    }

    /** One line per variable: the first thing wrong with it (a placeholder is not also "too short"). */
    private static List<String> firstPerVariable(List<String> problems) {
        Map<String, String> first = new LinkedHashMap<>();
        problems.forEach(problem -> first.putIfAbsent(problem.split("[ :]", 2)[0], problem));
        return List.copyOf(first.values());
    }

    /** The data key sealing passport numbers and letters: 32 random bytes in Base64, an id, former keys. */
    private static List<String> dataKeyProblems(Function<String, Optional<String>> config) {
        List<String> problems = new ArrayList<>();
        Optional<String> key = present(config, "IPC_DATA_KEY");
        if (key.isEmpty()) {
            problems.add("IPC_DATA_KEY is not set: give the data key that seals passport numbers and visa letters, "
                    + DATA_KEY_BYTES + " random bytes in Base64, e.g. from openssl rand -base64 32");
        } else if (!isDataKey(key.get())) {
            problems.add("IPC_DATA_KEY is not " + DATA_KEY_BYTES + " bytes in Base64: give " + DATA_KEY_BYTES
                    + " random bytes, e.g. from openssl rand -base64 32");
        }
        Optional<String> id = present(config, "IPC_DATA_KEY_ID");
        if (id.isPresent() && !KEY_ID.matcher(id.get()).matches()) {
            problems.add("IPC_DATA_KEY_ID is '" + id.get() + "': give 1 to 32 letters, digits, - or _ (e.g. k2)");
        }
        Optional<String> retired = present(config, "IPC_DATA_KEY_RETIRED");
        if (retired.isPresent()) {
            for (String entry : retired.get().split(",")) {
                int colon = entry.indexOf(':');
                if (colon < 0 || !KEY_ID.matcher(entry.substring(0, colon).strip()).matches()
                        || !isDataKey(entry.substring(colon + 1).strip())) {
                    problems.add("IPC_DATA_KEY_RETIRED: each former key is id:base64 of " + DATA_KEY_BYTES
                            + " bytes, separated by commas (e.g. k1:...,k0:...)");
                    break;
                }
            }
        }
        return problems;
    }

    private static boolean isDataKey(String text) {
        try {
            return Base64.getDecoder().decode(text.strip()).length == DATA_KEY_BYTES;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static Optional<String> present(Function<String, Optional<String>> config, String name) {
        return config.apply(name).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
