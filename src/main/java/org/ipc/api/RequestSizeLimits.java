package org.ipc.api;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * Refuses an over-large request from its Content-Length alone, before a byte of its body is read: JSON bodies are
 * small, uploads may carry one document of the configured size. The answer is problem+json like every other.
 * (A chunked body with no length is still cut off by {@code quarkus.http.limits.max-body-size}.)
 */
@ApplicationScoped
public class RequestSizeLimits {

    /** Room a multipart body needs besides its file: part headers, boundaries, form fields. */
    private static final long MULTIPART_OVERHEAD = 1024 * 1024;

    @ConfigProperty(name = "ipc.http.max-json-size", defaultValue = "1048576")
    long maxJsonSize;

    /** The documents' own limit ({@code documents/DocumentsConfig}), read by its key: api depends on no feature. */
    @ConfigProperty(name = "ipc.documents.max-file-size", defaultValue = "52428800")
    long maxFileSize;

    void install(@Observes Router router) {
        long maxUpload = maxFileSize + MULTIPART_OVERHEAD;
        router.route().order(Integer.MIN_VALUE + 10).handler(rc -> {
            String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            String type = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
            boolean multipart = type != null && type.toLowerCase().startsWith("multipart/");
            long limit = multipart ? maxUpload : maxJsonSize;
            if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                    && Long.parseLong(length) > limit) {
                rc.response().putHeader(HttpHeaders.CONNECTION, "close");
                RouteProblems.answer(rc, 413, "Request too large", "The request body is larger than the limit of "
                        + limit / (1024 * 1024) + " MB" + (multipart ? " for one upload; send one large file at a time"
                                : ""), List.of());
                return;
            }
            rc.next();
        });
    }
}
