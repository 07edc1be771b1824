package org.ipc.documents;

import java.util.List;

import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The multipart parts of an upload request, as the files {@link DocumentService} checks. */
final class UploadedFiles {

    private UploadedFiles() {
    }

    static List<UploadedFile> of(List<FileUpload> parts) {
        return parts == null ? null
                : parts.stream().map(p -> new UploadedFile(p.uploadedFile(), p.fileName(), p.contentType())).toList();
    }
}
