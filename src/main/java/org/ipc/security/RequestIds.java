package org.ipc.security;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.MDC;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Router;

/**
 * Every request's id: the caller's {@code X-Request-Id} when it is short and plain (so a header cannot inject into
 * logs, bodies or the audit trail), otherwise a new one. Echoed in the response header; quoted by error bodies and
 * kept in the audit trail, so one id ties a complaint, a log line and an audit row together.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** The request id's key in the logging MDC. */
    public static final String MDC_KEY = "requestId";
    private static final String KEY = "ipc.request-id";

    @Inject
    CurrentVertxRequest vertxRequest;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            // a caller's id only when it is short and plain, so a header cannot inject into logs, bodies or the trail
            String given = rc.request().getHeader(HEADER);
            String id = given != null && given.matches("[A-Za-z0-9._-]{1,64}") ? given : UUID.randomUUID().toString();
            rc.put(KEY, id);
            // the error mapper and everything after read the id from the request, the caller from the response
            rc.request().headers().set(HEADER, id);
            rc.response().putHeader(HEADER, id);
            // every log line written while serving the request carries it (the MDC follows the request's Vert.x
            // context onto the worker thread; production's JSON log shows it as mdc.requestId)
            MDC.put(MDC_KEY, id);
            rc.next();
        });
    }

    /** The HTTP request being served, or null outside one (the engine's job executor, start-up). */
    public RoutingContext current() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        return vertxRequest.getCurrent();
    }

    public static String of(RoutingContext rc) {
        String id = rc.get(KEY);
        return id == null ? "none" : id;
    }
}
