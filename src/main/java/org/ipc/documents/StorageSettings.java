package org.ipc.documents;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The storage settings, checked before use: each mistake is one sentence that names the environment variable to
 * fix and what it expects, for the operations engineer reading a pod's log (the start-up check and
 * {@link StorageProducer} both use it).
 */
public final class StorageSettings {

    public static final Set<String> KINDS = Set.of("directory", "database", "s3");

    /** Checked S3 settings. */
    public record S3Settings(URI endpoint, String bucket, String region, String accessKeyId, String secretAccessKey,
            boolean pathStyle) {
    }

    private StorageSettings() {
    }

    /** Every mistake in the storage settings, read by property name (an environment variable maps onto each). */
    public static List<String> problems(Function<String, Optional<String>> config) {
        List<String> problems = new ArrayList<>();
        String kind = config.apply("ipc.documents.storage").orElse("directory").strip();
        if (!KINDS.contains(kind)) {
            problems.add("IPC_DOCUMENTS_STORAGE is '" + kind + "': set it to s3 (an S3-compatible object store, for "
                    + "several replicas), directory or database");
            return problems;
        }
        if (kind.equals("s3")) {
            problems.addAll(s3Problems(config));
        }
        return problems;
    }

    /** The S3 settings, or the exception that names every mistake in them. */
    static S3Settings s3(Function<String, Optional<String>> config) {
        List<String> problems = s3Problems(config);
        if (!problems.isEmpty()) {
            throw new io.quarkus.runtime.configuration.ConfigurationException(String.join("\n", problems));
        }
        return new S3Settings(URI.create(value(config, "endpoint").strip()), value(config, "bucket").strip(),
                config.apply("ipc.documents.s3.region").orElse("us-east-1").strip(),
                value(config, "access-key-id"), value(config, "secret-access-key"),
                Boolean.parseBoolean(config.apply("ipc.documents.s3.path-style").orElse("false").strip()));
    }

    private static List<String> s3Problems(Function<String, Optional<String>> config) {
        List<String> problems = new ArrayList<>();
        Optional<String> endpoint = present(config, "endpoint");
        if (endpoint.isEmpty()) {
            problems.add("IPC_DOCUMENTS_S3_ENDPOINT is not set: give the object store's URL, e.g. http://minio:9000 "
                    + "(IPC_DOCUMENTS_STORAGE is s3)");
        } else if (!isHttpUrl(endpoint.get())) {
            problems.add("IPC_DOCUMENTS_S3_ENDPOINT is '" + endpoint.get() + "': it must be an http:// or https:// URL "
                    + "such as http://minio:9000");
        }
        Optional<String> bucket = present(config, "bucket");
        if (bucket.isEmpty()) {
            problems.add("IPC_DOCUMENTS_S3_BUCKET is not set: name the bucket that holds the documents (IPC_DOCUMENTS_STORAGE is s3)");
        } else if (!bucket.get().matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            problems.add("IPC_DOCUMENTS_S3_BUCKET is '" + bucket.get() + "': a bucket name is 3 to 63 lower-case "
                    + "letters, digits, dots and hyphens");
        }
        Optional<String> region = present(config, "region");
        if (region.isPresent() && !region.get().matches("[a-z0-9-]{2,32}")) {
            problems.add("IPC_DOCUMENTS_S3_REGION is '" + region.get() + "': give a region name such as us-east-1 "
                    + "(MinIO and Ceph accept us-east-1)");
        }
        if (present(config, "access-key-id").isEmpty()) {
            problems.add("IPC_DOCUMENTS_S3_ACCESS_KEY_ID is not set: give the access key of the object store's "
                    + "account for this service (IPC_DOCUMENTS_STORAGE is s3)");
        }
        if (present(config, "secret-access-key").isEmpty()) {
            problems.add("IPC_DOCUMENTS_S3_SECRET_ACCESS_KEY is not set: give the secret key of that account "
                    + "(IPC_DOCUMENTS_STORAGE is s3)");
        }
        Optional<String> pathStyle = present(config, "path-style");
        if (pathStyle.isPresent() && !pathStyle.get().equalsIgnoreCase("true") && !pathStyle.get().equalsIgnoreCase("false")) {
            problems.add("IPC_DOCUMENTS_S3_PATH_STYLE is '" + pathStyle.get() + "': set it to true (MinIO-style "
                    + "http://host/bucket/key URLs) or false (http://bucket.host/key)");
        }
        return problems;
    }

    private static Optional<String> present(Function<String, Optional<String>> config, String key) {
        return config.apply("ipc.documents.s3." + key).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static String value(Function<String, Optional<String>> config, String key) {
        return config.apply("ipc.documents.s3." + key).orElseThrow();
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text.strip());
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
