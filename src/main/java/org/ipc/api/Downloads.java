package org.ipc.api;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import jakarta.ws.rs.core.Response;

/** A file download as HTTP: its content type, length and checksum, and the file name to save it as. */
public final class Downloads {

    private Downloads() {
    }

    public static Response of(InputStream content, String fileName, String contentType, long size, String sha256Hex) {
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        String ascii = fileName.replaceAll("[^A-Za-z0-9._ -]", "_");
        return Response.ok(content, contentType)
                .header("Content-Length", size)
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
                .header("Digest", "sha-256=" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256Hex)))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
