package org.ipc.documents;

import java.nio.file.Path;
import java.util.Optional;

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

    /** {@code directory} (default), {@code database} or {@code s3}; see docs/documents.md. */
    @WithDefault("directory")
    String storage();

    /** Root of the directory storage. */
    @WithDefault("data/documents")
    Path directory();

    /** The S3-compatible object store, when {@code storage} is {@code s3} (IPC_DOCUMENTS_S3_*). */
    S3 s3();

    /** Where the object store is and how to sign in; checked at start-up ({@link S3Storage#connect}). */
    interface S3 {

        /** The store's URL, e.g. {@code http://minio:9000} or {@code https://s3.eu-central-1.amazonaws.com}. */
        Optional<String> endpoint();

        /** The bucket that holds the documents; it must exist. */
        Optional<String> bucket();

        /** The region the requests are signed for (MinIO and Ceph accept {@code us-east-1}). */
        @WithDefault("us-east-1")
        String region();

        Optional<String> accessKeyId();

        Optional<String> secretAccessKey();

        /** {@code true}: {@code endpoint/bucket/key} URLs (MinIO-style); {@code false}: {@code bucket.endpoint/key}. */
        @WithDefault("false")
        String pathStyle();
    }
}
