package org.ipc.documents;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A document as lists show it. */
@Schema(name = "Document")
public record DocumentView(UUID id, DocumentKind kind, String fileName, String contentType, long size, String sha256,
        String language, Instant uploadedAt, boolean uploadedByStaff) {

    static DocumentView of(Document d) {
        return new DocumentView(d.id, d.kind, d.fileName, d.contentType, d.sizeBytes, d.sha256, d.language,
                d.uploadedAt, d.uploadedByStaff);
    }
}
