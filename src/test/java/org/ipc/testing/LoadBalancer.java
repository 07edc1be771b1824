package org.ipc.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real load balancer on loopback in front of the service's replicas: Debian's HAProxy ({@code /usr/sbin/haproxy},
 * a README prerequisite), with a configuration written here, started and stopped by its process id. It balances
 * round robin, takes a replica out when its readiness ({@code /q/health/ready}) fails twice half a second apart, sends
 * a request whose connection was refused to another replica (never one that reached a replica: a POST is not repeated
 * behind the client's back), names the replica that answered in {@code X-Replica}, and answers problem+json when no
 * replica can.
 */
public final class LoadBalancer implements AutoCloseable {

    private static final String HAPROXY = "/usr/sbin/haproxy";

    private final Process process;
    public final URI base;
    public final Path log;

    private LoadBalancer(Process process, int port, Path log) {
        this.process = process;
        this.base = URI.create("http://127.0.0.1:" + port);
        this.log = log;
    }

    /** HAProxy in front of the replicas (name to port), on a free port; waits until every replica is in service. */
    public static LoadBalancer start(Map<String, Integer> replicas, Path directory)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(HAPROXY))) {
            throw new IllegalStateException(HAPROXY + " is missing: install Debian's haproxy (README, prerequisites)");
        }
        Files.createDirectories(directory);
        Path config = directory.resolve("haproxy.cfg");
        int port = FreePorts.next();
        Files.writeString(config, configuration(port, replicas, directory));
        run(HAPROXY, "-c", "-q", "-f", config.toString());
        Path log = directory.resolve("haproxy.log");
        Process process = new ProcessBuilder(HAPROXY, "-db", "-f", config.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        LoadBalancer balancer = new LoadBalancer(process, port, log);
        balancer.awaitInService(replicas.size(), Duration.ofSeconds(30));
        return balancer;
    }

    /** The configuration, as an operator would write it for these replicas. */
    static String configuration(int port, Map<String, Integer> replicas, Path directory) throws IOException {
        StringBuilder servers = new StringBuilder();
        replicas.forEach((name, replicaPort) -> servers.append(
                "    server %s 127.0.0.1:%d check\n".formatted(name, replicaPort)));
        for (int status : new int[] { 502, 503, 504 }) {
            Files.writeString(directory.resolve(status + ".http"), problem(status));
        }
        return """
                global
                    maxconn 2048
                    log stdout format raw local0 info

                defaults
                    mode http
                    log global
                    option httplog
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                    timeout check 2s
                    # a refused connection goes to another replica; a request a replica received is never sent twice
                    retries 3
                    option redispatch
                    errorfile 502 %2$s/502.http
                    errorfile 503 %2$s/503.http
                    errorfile 504 %2$s/504.http

                frontend ipc
                    bind 127.0.0.1:%1$d
                    # the client's address for the replicas, which trust the balancer (quarkus.http.proxy.*)
                    option forwardfor
                    default_backend replicas

                backend replicas
                    balance roundrobin
                    option httpchk GET /q/health/ready
                    http-check expect status 200
                    default-server inter 500ms fall 2 rise 2
                    http-response set-header X-Replica %%[srv_name]
                %3$s""".formatted(port, directory.toAbsolutePath(), servers);
    }

    /** What the balancer itself answers when no replica could: problem+json, as the service does. */
    private static String problem(int status) {
        String title = switch (status) {
            case 502 -> "Bad gateway";
            case 503 -> "Service unavailable";
            default -> "Gateway timeout";
        };
        String detail = switch (status) {
            case 502 -> "The replica that took the request stopped before answering; repeat it (with the same "
                    + "Idempotency-Key for a submission)";
            case 503 -> "No replica of the service can take requests at the moment; try again in a few seconds";
            default -> "The service did not answer in time; repeat the request (with the same Idempotency-Key for a "
                    + "submission)";
        };
        String body = "{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}"
                .formatted(title, status, detail);
        return ("HTTP/1.1 %d %s\r\nContent-Type: application/problem+json\r\nRetry-After: 5\r\n"
                + "Cache-Control: no-store\r\nConnection: close\r\nContent-Length: %d\r\n\r\n%s").formatted(status, title,
                        body.getBytes(StandardCharsets.UTF_8).length, body);
    }

    /** Waits until the balancer answers readiness through {@code replicas} distinct replicas. */
    private void awaitInService(int replicas, Duration limit) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        java.util.Set<String> seen = new java.util.HashSet<>();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline && seen.size() < replicas) {
            if (!process.isAlive()) {
                throw new IllegalStateException("HAProxy exited; see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(base.resolve("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    r.headers().firstValue("X-Replica").ifPresent(seen::add);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        if (seen.size() < replicas) {
            throw new IllegalStateException("HAProxy did not put " + replicas + " replicas in service; see " + log);
        }
    }

    public long pid() {
        return process.pid();
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
