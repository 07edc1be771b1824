package org.ipc.api;

import java.net.URI;
import java.util.List;

import org.ipc.common.FieldError;
import org.ipc.security.RequestIds;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/**
 * Problem answers from the HTTP layer's own filters (size limits, odd request lines, rate limits), which answer
 * before any resource runs: the same RFC 9457 body, request id and content type as {@link ProblemMapper}'s.
 */
public final class RouteProblems {

    /** Longest path echoed back as the problem's {@code instance}. */
    private static final int MAX_INSTANCE = 256;

    private RouteProblems() {
    }

    public static void answer(RoutingContext rc, int status, String title, String detail,
            List<FieldError> errors) {
        String path = rc.request().path();
        boolean plain = path != null && path.length() <= MAX_INSTANCE && path.chars().allMatch(c -> c > 0x20 && c < 0x7f);
        Problem body = new Problem(URI.create("about:blank"), title, status, detail, plain ? path : null,
                RequestIds.of(rc), errors);
        rc.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Json.encode(body));
    }
}
