package org.ipc.documents;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits and storage of case documents. */
@ConfigMapping(prefix = "ipc.documents")
public interface DocumentsConfig {

    /** Largest accepted file, in bytes (50 MB). The HTTP body limit must leave room for one such file. */
    @WithDefault("52428800")
    long maxFileSize();

    /** Most files in one upload. */
    @WithDefault("10")
    int maxFilesPerUpload();

    /** {@code directory} (default) or {@code database}; see docs/documents.md. */
    @WithDefault("directory")
    String storage();

    /** Root of the directory storage. */
    @WithDefault("data/documents")
    Path directory();
}
