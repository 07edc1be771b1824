package org.ipc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for the tests, started from the binaries on Maven Central (no Docker), with its data
 * under {@code target/} so nothing is left in /tmp.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    /**
     * Extra server settings in {@code pg_ctl -o} form ({@code -c name=value ...}), so that a benchmark can run this
     * server with exactly the settings it gives another PostgreSQL it compares with ({@code bench/side-by-side.sh}).
     */
    static final String PG_OPTS = "ipc.test.pg-opts";

    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        try {
            Path work = PostgresServer.BINARIES;
            Files.createDirectories(work);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(work.toFile())
                    .setDataDirectory(work.resolve("data-" + ProcessHandle.current().pid()))
                    .setCleanDataDirectory(true)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    // what each statement costs, counted by the server (cases/CostPerCaseTest)
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements");
            extraSettings(System.getProperty(PG_OPTS, "")).forEach(builder::setServerConfig);
            postgres = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    /** {@code -c fsync=off -c synchronous_commit=off} as settings; anything else is refused, naming the word. */
    static Map<String, String> extraSettings(String opts) {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        String[] words = opts.trim().isEmpty() ? new String[0] : opts.trim().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String setting = words[i].equals("-c") && i + 1 < words.length ? words[++i] : words[i];
            int eq = setting.indexOf('=');
            if (setting.startsWith("-") || eq <= 0) {
                throw new IllegalArgumentException(PG_OPTS + ": expected -c name=value, found '" + setting + "'");
            }
            settings.put(setting.substring(0, eq), setting.substring(eq + 1));
        }
        return settings;
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
            }
        }
    }
}
