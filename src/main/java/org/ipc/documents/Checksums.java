package org.ipc.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** Digests of documents: SHA-256 in hex as we store and show it; MD5 in base64 as S3's Content-MD5 carries it. */
final class Checksums {

    private Checksums() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The file's SHA-256, hex, read a buffer at a time. */
    static String sha256(Path path) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(path), sha256())) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        }
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(sha256().digest(content));
    }

    static String sha256(InputStream content) throws IOException {
        try (DigestInputStream in = new DigestInputStream(content, sha256())) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        }
    }

    /** A file's SHA-256 (hex) and MD5 (base64, as {@code Content-MD5} carries it), in one pass. */
    record Both(String sha256, String md5Base64) {
    }

    static Both both(Path path) throws IOException {
        MessageDigest md5 = md5();
        try (DigestInputStream in = new DigestInputStream(new DigestInputStream(Files.newInputStream(path), md5),
                sha256())) {
            in.transferTo(OutputStream.nullOutputStream());
            return new Both(HexFormat.of().formatHex(in.getMessageDigest().digest()),
                    Base64.getEncoder().encodeToString(md5.digest()));
        }
    }

    static String md5Base64(byte[] content) {
        return Base64.getEncoder().encodeToString(md5().digest(content));
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
