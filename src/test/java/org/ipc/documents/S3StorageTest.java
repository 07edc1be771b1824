package org.ipc.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.ipc.testing.FreePorts;
import org.ipc.testing.S3Server;
import org.ipc.testing.SampleFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The S3 storage against a real S3-compatible server (S3Proxy, signatures checked): content round-trips byte for
 * byte, content whose SHA-256 is not the one checked is refused and leaves no object, and wrong keys, an unknown
 * bucket or no server at all stop the start with a sentence naming the variable to fix.
 */
class S3StorageTest {

    private static S3Server server;

    @BeforeAll
    static void startServer() {
        server = S3Server.start(Path.of("target", "s3-storage-test"));
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @Test
    void storesOpensAndDeletesByteForByte() throws IOException {
        S3Storage storage = StorageProducer.connect(StorageSettings.s3(settings(Map.of())));
        byte[] content = SampleFiles.pdf();
        Path file = Files.write(Files.createTempFile(Path.of("target"), "doc", ".pdf"), content);

        String key = storage.store(file, content.length, Checksums.sha256(file));

        assertThat(server.objectKeys()).contains(key);
        try (InputStream in = storage.open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        storage.delete(key);
        assertThat(server.objectKeys()).doesNotContain(key);
        assertThatThrownBy(() -> storage.open(key)).isInstanceOf(IOException.class).hasMessageContaining(key);
    }

    @Test
    void aLargeFileRoundTripsByteForByte() throws Exception {
        S3Storage storage = StorageProducer.connect(StorageSettings.s3(settings(Map.of())));
        Path file = Path.of("target", "s3-storage-large.bin");
        byte[] chunk = new byte[1024 * 1024];
        new java.util.Random(3).nextBytes(chunk);
        try (java.io.OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < 200; i++) {
                out.write(chunk);
            }
        }
        String sha = Checksums.sha256(file);
        String key = storage.store(file, Files.size(file), sha);
        try (InputStream in = storage.open(key)) {
            assertThat(Checksums.sha256(in)).isEqualTo(sha);
        }
        storage.delete(key);
        Files.delete(file);
    }

    @Test
    void contentWhoseChecksumDiffersIsRefusedAndNothingStays() throws IOException {
        S3Storage storage = StorageProducer.connect(StorageSettings.s3(settings(Map.of())));
        Path file = Files.write(Files.createTempFile(Path.of("target"), "doc", ".pdf"), SampleFiles.pdf());
        String otherContentsDigest = Checksums.sha256(InputStream.nullInputStream());
        int before = server.objectKeys().size();

        assertThatThrownBy(() -> storage.store(file, Files.size(file), otherContentsDigest))
                .isInstanceOf(DocumentStorage.ChecksumMismatchException.class);

        assertThat(server.objectKeys()).hasSize(before);
    }

    @Test
    void theStoreItselfRefusesBytesThatAreNotWhatWasSent() {
        S3Storage storage = StorageProducer.connect(StorageSettings.s3(settings(Map.of())));
        byte[] content = SampleFiles.pdf();
        int before = server.objectKeys().size();

        assertThatThrownBy(() -> storage.put("tampered", software.amazon.awssdk.core.sync.RequestBody.fromBytes(content),
                Checksums.md5Base64("other bytes".getBytes())))
                .isInstanceOf(DocumentStorage.ChecksumMismatchException.class);

        assertThat(server.objectKeys()).hasSize(before).doesNotContain("tampered");
    }

    @Test
    void wrongKeysStopTheStartNamingBothVariables() {
        assertThatThrownBy(() -> StorageProducer.connect(StorageSettings.s3(settings(
                Map.of("secret-access-key", "not-the-secret-of-this-account")))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("IPC_DOCUMENTS_S3_ACCESS_KEY_ID and IPC_DOCUMENTS_S3_SECRET_ACCESS_KEY: ")
                .hasMessageNotContaining("not-the-secret");
    }

    @Test
    void anUnknownBucketStopsTheStartNamingTheBucketVariable() {
        assertThatThrownBy(() -> StorageProducer.connect(StorageSettings.s3(settings(Map.of("bucket", "no-such-bucket")))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("IPC_DOCUMENTS_S3_BUCKET: ").hasMessageContaining("'no-such-bucket'");
    }

    @Test
    void noServerAtTheEndpointStopsTheStartNamingTheEndpointVariable() {
        String nobody = "http://127.0.0.1:" + FreePorts.next();
        assertThatThrownBy(() -> StorageProducer.connect(StorageSettings.s3(settings(Map.of("endpoint", nobody)))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("IPC_DOCUMENTS_S3_ENDPOINT: no object store answers at " + nobody);
    }

    @Test
    void missingAndMalformedSettingsAreEachNamed() {
        assertThat(StorageSettings.problems(name -> name.equals("ipc.documents.storage") ? Optional.of("s3")
                : Optional.empty()))
                .extracting(p -> p.substring(0, p.indexOf(' ')))
                .containsExactly("IPC_DOCUMENTS_S3_ENDPOINT", "IPC_DOCUMENTS_S3_BUCKET", "IPC_DOCUMENTS_S3_ACCESS_KEY_ID",
                        "IPC_DOCUMENTS_S3_SECRET_ACCESS_KEY");
        assertThat(StorageSettings.problems(settings(Map.of("endpoint", "minio:9000", "bucket", "Documents_2026",
                "path-style", "yes"))))
                .extracting(p -> p.substring(0, p.indexOf(' ')))
                .containsExactly("IPC_DOCUMENTS_S3_ENDPOINT", "IPC_DOCUMENTS_S3_BUCKET", "IPC_DOCUMENTS_S3_PATH_STYLE");
        assertThat(StorageSettings.problems(name -> name.equals("ipc.documents.storage") ? Optional.of("nfs")
                : Optional.empty()))
                .containsExactly("IPC_DOCUMENTS_STORAGE is 'nfs': set it to s3 (an S3-compatible object store, for "
                        + "several replicas), directory or database");
        assertThat(StorageSettings.problems(settings(Map.of()))).isEmpty();
    }

    /** The test server's settings, with some replaced. */
    private static java.util.function.Function<String, Optional<String>> settings(Map<String, String> replaced) {
        Map<String, String> config = new HashMap<>(server.serviceConfig());
        replaced.forEach((key, value) -> config.put("ipc.documents.s3." + key, value));
        return name -> Optional.ofNullable(config.get(name));
    }
}
