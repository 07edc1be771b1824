package org.ipc.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ipc.common.FieldError;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses odd request lines before any resource, the database or the engine sees them: a path longer than
 * {@code ipc.http.max-path-length} is a 414, a path (or path segment, an id) or query parameter that is not valid
 * percent-encoded UTF-8 or holds control characters (NUL, line breaks, escape; in paths also invisible format
 * characters such as the right-to-left override) is a 400, each as problem+json naming what was wrong.
 * ({@code quarkus.http.limits.max-initial-line-length} is set well above the path limit so that this filter, not
 * the HTTP codec with an empty answer, speaks for long paths.)
 */
@ApplicationScoped
public class RequestLineChecks {

    /** A path segment (an id) longer than this is not one of ours. */
    static final int MAX_SEGMENT = 255;

    @ConfigProperty(name = "ipc.http.max-path-length", defaultValue = "2048")
    int maxPathLength;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(this::check);
        // the router itself fails a path it cannot decode with a bare 400 before any handler runs
        router.errorHandler(400, rc -> {
            Optional<String> problem = pathProblem(rc.request().path());
            if (problem.isPresent() && !rc.response().ended()) {
                bad(rc, "path", problem.get());
            } else if (!rc.response().ended()) {
                RouteProblems.answer(rc, 400, "Bad request", "The request could not be read", List.of());
            }
        });
    }

    private void check(RoutingContext rc) {
        String path = rc.request().path();
        if (path != null && path.length() > maxPathLength) {
            RouteProblems.answer(rc, 414, "URI too long", "The path is longer than the limit of " + maxPathLength
                    + " characters", List.of(new FieldError("path", "must be at most " + maxPathLength
                            + " characters")));
            return;
        }
        Optional<String> pathProblem = pathProblem(path);
        if (pathProblem.isPresent()) {
            bad(rc, "path", pathProblem.get());
            return;
        }
        String query = rc.request().query();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String rawName = eq < 0 ? pair : pair.substring(0, eq);
                Optional<String> name = decode(rawName.replace('+', ' '));
                if (name.isEmpty() || hasControl(name.get(), false)) {
                    bad(rc, "query", "parameter names must be valid percent-encoded UTF-8 without control characters");
                    return;
                }
                Optional<String> value = eq < 0 ? Optional.of("") : decode(pair.substring(eq + 1).replace('+', ' '));
                if (value.isEmpty()) {
                    bad(rc, plainName(name.get()), "is not valid percent-encoded UTF-8");
                    return;
                }
                if (hasControl(value.get(), false)) {
                    bad(rc, plainName(name.get()), "must not contain control characters");
                    return;
                }
            }
        }
        rc.next();
    }

    /** What is wrong with the path, if anything: its encoding, a control character, a segment's length. */
    static Optional<String> pathProblem(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String segment : path.split("/")) {
            Optional<String> decoded = decode(segment);
            if (decoded.isEmpty()) {
                return Optional.of("is not valid percent-encoded UTF-8");
            }
            if (hasControl(decoded.get(), true)) {
                return Optional.of("must not contain control or invisible formatting characters");
            }
            if (decoded.get().length() > MAX_SEGMENT) {
                return Optional.of("has a segment (an id) longer than " + MAX_SEGMENT + " characters");
            }
        }
        return Optional.empty();
    }

    /** Strict percent-decoding into UTF-8: a stray {@code %} or bytes that are not UTF-8 give nothing. */
    static Optional<String> decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return Optional.of(raw);
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 4);
        for (int i = 0; i < raw.length();) {
            int cp = raw.codePointAt(i);
            if (cp == '%') {
                if (i + 2 >= raw.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.put((byte) (hi * 16 + lo));
                i += 3;
            } else {
                bytes.put(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
            }
        }
        bytes.flip();
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString());
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }

    /** Control characters (C0, DEL, C1); with {@code format}, also invisible ones such as bidi overrides. */
    static boolean hasControl(String text, boolean format) {
        return text.codePoints().anyMatch(cp -> Character.getType(cp) == Character.CONTROL
                || format && Character.getType(cp) == Character.FORMAT);
    }

    private static String plainName(String name) {
        return name.length() <= 64 && name.chars().allMatch(c -> c > 0x20 && c < 0x7f) ? name : "query";
    }

    private static void bad(RoutingContext rc, String field, String message) {
        RouteProblems.answer(rc, 400, "Invalid request", field + ": " + message,
                List.of(new FieldError(field, message)));
    }
}
