package org.ipc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server for the tests: S3Proxy (from Maven Central, copied into {@code target/s3proxy/} by the
 * build) with its file-system back end, on a free loopback port, checking AWS signatures (v2 or v4) against one
 * access key, so wrong keys are really refused. No Docker. {@link #start(Path)} makes one bucket; {@link #stop()}
 * ends the process. Used by {@link S3Resource} for every {@code @QuarkusTest}, and directly by tests that run the
 * packaged service (cluster, start-up checks).
 */
public final class S3Server implements AutoCloseable {

    public static final String ACCESS_KEY_ID = "ipc-test-access-key";
    public static final String SECRET_ACCESS_KEY = "ipc-test-secret-key-0123456789abcdef";
    public static final String BUCKET = "ipc-documents";
    public static final String REGION = "us-east-1";
    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final Path root;

    private S3Server(Process process, int port, Path root) {
        this.process = process;
        this.port = port;
        this.root = root;
    }

    /** Starts S3Proxy keeping its objects under {@code root} (emptied first), with the bucket {@link #BUCKET}. */
    public static S3Server start(Path root) {
        // a free port can be taken by another process before S3Proxy binds it (a busy machine): try another
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(root);
            } catch (PortTakenException e) {
                if (attempt == 3) {
                    throw new IllegalStateException("S3Proxy could not bind a port three times; see " + root, e);
                }
            }
        }
    }

    private static S3Server startOnce(Path root) {
        Path jar = Path.of(System.getProperty("s3proxy.jar", "target/s3proxy/s3proxy.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no S3Proxy at " + jar + "; the build copies it in generate-test-resources "
                    + "(./mvnw verify)");
        }
        try {
            deleteTree(root);
            Path objects = Files.createDirectories(root.resolve("objects"));
            // the file-system back end keeps each bucket as a folder
            Files.createDirectories(objects.resolve(BUCKET));
            int port = FreePorts.next();
            Path conf = root.resolve("s3proxy.conf");
            Files.writeString(conf, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY_ID,
                    "s3proxy.credential=" + SECRET_ACCESS_KEY,
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + objects.toAbsolutePath(),
                    "") + "\n");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m", "-jar", jar.toString(), "--properties", conf.toAbsolutePath().toString())
                    .redirectErrorStream(true).redirectOutput(root.resolve("s3proxy.log").toFile());
            S3Server server = new S3Server(builder.start(), port, root);
            server.waitUntilListening();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("S3Proxy did not start; see " + root.resolve("s3proxy.log"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while S3Proxy started", e);
        }
    }

    /** S3Proxy found its port taken. */
    private static final class PortTakenException extends IllegalStateException {
        PortTakenException(String message) {
            super(message);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public String accessKeyId() {
        return ACCESS_KEY_ID;
    }

    public String secretAccessKey() {
        return SECRET_ACCESS_KEY;
    }

    public String bucket() {
        return BUCKET;
    }

    /** The folder that holds the bucket's objects, one file per object. */
    public Path bucketFolder() {
        return root.resolve("objects").resolve(BUCKET);
    }

    /** The service's configuration for this server, as Quarkus properties. */
    public Map<String, String> serviceConfig() {
        Map<String, String> config = new HashMap<>();
        config.put("ipc.documents.storage", "s3");
        config.put("ipc.documents.s3.endpoint", endpoint().toString());
        config.put("ipc.documents.s3.bucket", BUCKET);
        config.put("ipc.documents.s3.region", REGION);
        config.put("ipc.documents.s3.access-key-id", ACCESS_KEY_ID);
        config.put("ipc.documents.s3.secret-access-key", SECRET_ACCESS_KEY);
        config.put("ipc.documents.s3.path-style", "true");
        return config;
    }

    /** The same as environment variables of the packaged service (DESIGN.md's operations contract). */
    public Map<String, String> serviceEnvironment() {
        Map<String, String> env = new HashMap<>();
        serviceConfig().forEach((key, value) -> env.put(key.toUpperCase().replaceAll("[.-]", "_"), value));
        return env;
    }

    /** A client of this server with the right keys, to look at what the service stored. */
    public S3Client client() {
        return S3Client.builder().endpointOverride(endpoint()).region(Region.of(REGION)).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                // no CRC trailers, which S3Proxy does not parse (the service's own client is set up the same way)
                .requestChecksumCalculation(software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(software.amazon.awssdk.core.checksums.ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    /** The keys of the objects in the bucket. */
    public List<String> objectKeys() {
        try (S3Client s3 = client()) {
            return s3.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents().stream().map(o -> o.key()).toList();
        }
    }

    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void waitUntilListening() throws InterruptedException, IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        // an anonymous request: S3Proxy answers it with an S3 error carrying x-amz-request-id once it listens
        HttpRequest probe = HttpRequest.newBuilder(endpoint().resolve("/" + BUCKET)).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String log = Files.readString(root.resolve("s3proxy.log"));
                if (log.contains("Failed to bind")) {
                    throw new PortTakenException("port " + port + " was taken");
                }
                throw new IOException("S3Proxy exited with " + process.exitValue());
            }
            try {
                HttpResponse<Void> answer = http.send(probe, HttpResponse.BodyHandlers.discarding());
                if (answer.headers().firstValue("x-amz-request-id").isPresent() && process.isAlive()) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // refused until S3Proxy's server is up
            }
            Thread.sleep(100);
        }
        stop();
        throw new IOException("S3Proxy did not listen within " + START_LIMIT);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
