package org.ipc.documents;

import java.nio.file.Path;

/**
 * A file as it arrived, before any check: where its bytes are, the name and the type the client gave. The API's
 * multipart parts and, later, the portal's web forms both hand uploads to {@link DocumentService} in this shape, so
 * both meet the same checks.
 */
public record UploadedFile(Path path, String fileName, String contentType) {
}
