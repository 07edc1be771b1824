package org.ipc.api;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ipc.common.FieldError;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses an over-large request from its Content-Length alone, before a byte of its body is read: JSON bodies are
 * small, uploads may carry one document of the configured size. The answer is problem+json like every other.
 * Pieces of resumable uploads ({@code application/offset+octet-stream}) are streamed to disk, never buffered, and
 * checked against the length their upload announced.
 * (A chunked body with no length is still cut off by {@code quarkus.http.limits.max-body-size}.) Multipart bodies wait
 * on disk while they arrive: how many a replica receives at once, and the space they may take, are bounded too.
 */
@ApplicationScoped
public class RequestSizeLimits {

    /** Room a multipart body needs besides its file: part headers, boundaries, form fields. */
    private static final long MULTIPART_OVERHEAD = 1024 * 1024;
    private static final String MAX_IN_FLIGHT = "ipc.http.multipart.max-in-flight";
    private static final String MAX_SPACE = "ipc.http.multipart.max-space";

    @ConfigProperty(name = "ipc.http.max-json-size", defaultValue = "1048576")
    long maxJsonSize;

    /** The documents' own limit ({@code documents/DocumentsConfig}), read by its key: api depends on no feature. */
    @ConfigProperty(name = "ipc.documents.max-file-size", defaultValue = "52428800")
    long maxFileSize;

    /**
     * Most multipart bodies received at once by this replica: each waits on disk (the spool,
     * {@code quarkus.http.body.uploads-directory}) until the request is served.
     */
    @ConfigProperty(name = MAX_IN_FLIGHT, defaultValue = "64")
    int maxInFlight;

    /**
     * Most bytes the multipart bodies received at once may take in the spool, counted by their Content-Length (a
     * body without one counts as the largest allowed): 2 GiB, half of the 4 GiB volume k8s/ gives /tmp.
     */
    @ConfigProperty(name = MAX_SPACE, defaultValue = "2147483648")
    long maxSpace;

    private int inFlight;
    private long reserved;

    void install(@Observes Router router) {
        long maxUpload = maxFileSize + MULTIPART_OVERHEAD;
        router.route().order(Integer.MIN_VALUE + 10).handler(rc -> {
            String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            String type = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
            boolean multipart = type != null && type.toLowerCase().startsWith("multipart/");
            if (type != null && type.toLowerCase().startsWith("application/offset+octet-stream")) {
                // a resumable upload's piece: streamed to disk as it arrives, bounded by the upload's own length
                rc.next();
                return;
            }
            long limit = multipart ? maxUpload : maxJsonSize;
            long declared = length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                    ? Long.parseLong(length) : -1;
            if (declared > limit) {
                rc.response().putHeader(HttpHeaders.CONNECTION, "close");
                RouteProblems.answer(rc, 413, "Request too large", "The request body is larger than the limit of "
                        + limit / (1024 * 1024) + " MB" + (multipart ? " for one upload; send one large file at a time"
                                : ""), List.of());
                return;
            }
            if (multipart && !reserve(rc, declared < 0 ? maxUpload : declared)) {
                return;
            }
            rc.next();
        });
    }

    /** Multipart bodies this replica receives now. */
    public synchronized int inFlight() {
        return inFlight;
    }

    /**
     * Holds room in the spool for a multipart body until its request ends (served, refused or cut off); when the
     * replica already receives as many bodies as it may, or they would take more than their space, answers 503 with
     * Retry-After, naming the limit, before a byte of the body is read.
     */
    private boolean reserve(RoutingContext rc, long bytes) {
        String full;
        synchronized (this) {
            full = inFlight + 1 > maxInFlight ? MAX_IN_FLIGHT : reserved + bytes > maxSpace ? MAX_SPACE : null;
            if (full == null) {
                inFlight++;
                reserved += bytes;
            }
        }
        if (full != null) {
            rc.response().putHeader(HttpHeaders.CONNECTION, "close").putHeader(HttpHeaders.RETRY_AFTER, "5");
            RouteProblems.answer(rc, 503, "Too many uploads at once", "This replica is receiving as many uploads as "
                    + "it may hold at once; send this one again in a few seconds",
                    List.of(new FieldError(full, MAX_IN_FLIGHT.equals(full)
                            ? "at most " + maxInFlight + " uploads are received at once"
                            : "the uploads received at once may take at most " + maxSpace / (1024 * 1024) + " MB")));
            return false;
        }
        AtomicBoolean released = new AtomicBoolean();
        rc.addEndHandler(done -> {
            if (released.compareAndSet(false, true)) {
                synchronized (this) {
                    inFlight--;
                    reserved -= bytes;
                }
            }
        });
        return true;
    }
}
