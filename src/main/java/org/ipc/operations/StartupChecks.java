package org.ipc.operations;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.ipc.documents.StorageSettings;

/**
 * The settings production cannot start without, checked before anything starts: each mistake is one line that
 * names the environment variable and says what it expects, instead of a framework's message about a property.
 */
public final class StartupChecks {

    static final int MIN_SECRET_LENGTH = 32;

    private StartupChecks() {
    }

    /** Every mistake, one line each, reading settings by property name (environment variables map onto them). */
    public static List<String> problems(Function<String, Optional<String>> config) {
        List<String> problems = new ArrayList<>();
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
        problems.addAll(StorageSettings.problems(config));
        return problems;
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
