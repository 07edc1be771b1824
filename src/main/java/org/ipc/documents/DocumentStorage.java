package org.ipc.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.util.HexFormat;

/**
 * Where document bytes live. Implementations stream: no document is ever held whole in memory, whatever its size
 * (uploads of up to 2 GB arrive as files on disk and are stored from there).
 */
public interface DocumentStorage {

    /** Stores the stream of {@code size} bytes under a new key and answers the key. */
    String store(InputStream content, long size) throws IOException;

    /**
     * Stores a file whose SHA-256 (hex) is known, under a new key, and answers the key. Content whose digest turns
     * out different on the way is refused ({@link ChecksumMismatchException}) and nothing stays stored.
     */
    default String store(Path file, long size, String sha256) throws IOException {
        String key;
        String actual;
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), Checksums.sha256())) {
            key = store(in, size);
            actual = HexFormat.of().formatHex(in.getMessageDigest().digest());
        }
        if (!actual.equalsIgnoreCase(sha256)) {
            delete(key);
            throw new ChecksumMismatchException(sha256, actual);
        }
        return key;
    }

    InputStream open(String key) throws IOException;

    /** Removes content whose metadata never committed. */
    void delete(String key) throws IOException;

    /** Stored content did not have the SHA-256 the caller computed: it was changed on its way. */
    class ChecksumMismatchException extends IOException {

        public ChecksumMismatchException(String expected, String actual) {
            super("stored content has SHA-256 " + actual + ", expected " + expected);
        }
    }
}
