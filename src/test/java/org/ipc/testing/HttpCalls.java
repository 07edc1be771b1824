package org.ipc.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON calls to a running service (the packaged jar, a replica, the load balancer) from many threads at once, for
 * the integration tests that load it. A call that gets no answer (connection refused or reset) is an answer too:
 * status 0 with the failure's name, so a test can count it and retry it.
 */
public final class HttpCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Duration timeout;

    public HttpCalls(Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1)
                .build();
        this.timeout = timeout;
    }

    /**
     * What came back: the status (0 when nothing did), the headers that matter here (the replica that answered, when a
     * load balancer says), and the body.
     */
    public record Answer(int status, String contentType, Optional<String> retryAfter, String body, String failure,
            String replica) {

        public boolean answered() {
            return status > 0;
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status == 0 ? "no answer (" + failure + ")" : status + " " + contentType + " " + body;
        }
    }

    public Answer get(URI base, String path, String token) {
        return send(request(base, path, token).GET().build());
    }

    public Answer post(URI base, String path, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder b = request(base, path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(toJson(body)));
        headers.forEach(b::header);
        return send(b.build());
    }

    public Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Retry-After"), r.body(), null,
                    r.headers().firstValue("X-Replica").orElse(null));
        } catch (IOException e) {
            return new Answer(0, "", Optional.empty(), "", e.toString(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public HttpRequest.Builder request(URI base, String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    public static String toJson(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
