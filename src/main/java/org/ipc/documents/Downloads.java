package org.ipc.documents;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.Response;

/** A download as HTTP: the recognised content type, its length and checksum, and the file name to save as. */
final class Downloads {

    private Downloads() {
    }

    static Response of(DocumentService.Download download) {
        Document d = download.document();
        String encoded = URLEncoder.encode(d.fileName, StandardCharsets.UTF_8).replace("+", "%20");
        String ascii = d.fileName.replaceAll("[^A-Za-z0-9._ -]", "_");
        return Response.ok(download.content(), d.contentType)
                .header("Content-Length", d.sizeBytes)
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
                .header("Digest", "sha-256=" + java.util.Base64.getEncoder().encodeToString(
                        java.util.HexFormat.of().parseHex(d.sha256)))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
