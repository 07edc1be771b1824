package org.ipc.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) started as production starts it: from the
 * application's directory, as its container image does (so an AppCDS archive finds its class path), configured
 * by environment variables only. Used by {@code PackagedServiceIT} and the case throughput benchmark.
 */
public final class PackagedService {

    public final Process process;
    public final int port;
    public final URI base;
    /** JVM launch to {@code /q/health/ready} UP. */
    public final long readyMillis;

    private PackagedService(Process process, int port, long readyMillis) {
        this.process = process;
        this.port = port;
        this.base = URI.create("http://127.0.0.1:" + port);
        this.readyMillis = readyMillis;
    }

    /**
     * The environment every start needs: HTTP port, database, OIDC issuer and client, SMTP, the inbox page's
     * secret and the documents directory. Callers add or override what they vary.
     */
    public static Map<String, String> environment(String jdbcUrl, String issuerUrl, int smtpPort, Path documents) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", issuerUrl);
        env.put("QUARKUS_OIDC_CLIENT_ID", "ipc-api");
        env.put("IPC_INBOX_STATE_SECRET", "packaged-service-test-state-secret-0123456789");
        env.put("IPC_DATA_KEY", "cGFja2FnZWQtc2VydmljZS10ZXN0LWtleS0wMTIzNDU=");
        env.put("IPC_DATA_KEY_ID", "packaged1");
        env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        env.put("QUARKUS_MAILER_PORT", String.valueOf(smtpPort));
        env.put("IPC_DOCUMENTS_DIRECTORY", documents.toAbsolutePath().toString());
        env.put("IPC_UPLOADS_DIRECTORY", documents.resolveSibling(documents.getFileName() + "-uploads").toAbsolutePath()
                .toString());
        return env;
    }

    /** The JVM flags the deployment sets ({@code JAVA_OPTS_APPEND} in k8s/): what production runs. */
    public static String productionJvmFlags() throws IOException {
        Matcher flags = Pattern.compile("- name: JAVA_OPTS_APPEND\\s+value: \"([^\"]+)\"")
                .matcher(Files.readString(Path.of("k8s", "ipc-coordination.yaml")));
        if (!flags.find()) {
            throw new IllegalStateException("k8s/ipc-coordination.yaml sets no JAVA_OPTS_APPEND");
        }
        return flags.group(1);
    }

    /** Starts the jar on a free port with these flags and environment, and waits until it is ready. */
    public static PackagedService start(String jvmFlags, Map<String, String> env, Path log, Duration limit)
            throws IOException, InterruptedException {
        int port = FreePorts.next();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (!jvmFlags.isBlank()) {
            command.addAll(List.of(jvmFlags.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", "quarkus-run.jar"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of("target", "quarkus-app").toFile())
                .redirectErrorStream(true).redirectOutput(log.toAbsolutePath().toFile());
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        long started = System.nanoTime();
        Process process = builder.start();
        waitUntilReady(process, URI.create("http://127.0.0.1:" + port + "/q/health/ready"), log, limit);
        return new PackagedService(process, port, Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private static void waitUntilReady(Process process, URI ready, Path log, Duration limit)
            throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(ready).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the packaged service exited; see " + log);
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // connection refused until the HTTP server is up: poll again
            }
            Thread.sleep(20);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the packaged service was not ready within " + limit + "; see " + log);
    }

    /** How a start that was meant to fail ended: the exit code and everything the process printed. */
    public record Exit(int code, String output) {
    }

    /** Starts the jar with this environment and waits for it to exit by itself (a start that must fail). */
    public static Exit runUntilExit(Map<String, String> env, Path log, Duration limit)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "quarkus-run.jar").directory(Path.of("target", "quarkus-app").toFile())
                .redirectErrorStream(true).redirectOutput(log.toAbsolutePath().toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv("PATH"));
        builder.environment().putAll(env);
        builder.environment().putIfAbsent("QUARKUS_HTTP_PORT", String.valueOf(FreePorts.next()));
        Process process = builder.start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("the packaged service did not stop by itself within " + limit + "; see " + log);
        }
        return new Exit(process.exitValue(), Files.readString(log));
    }

    /** Resident memory (VmRSS) in KiB. */
    public long residentKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for " + process.pid());
    }

    /** User plus system CPU time used so far, from /proc/<pid>/stat (clock ticks of 10 ms). */
    public long cpuMillis() throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
