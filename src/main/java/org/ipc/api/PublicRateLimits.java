package org.ipc.api;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.net.Inet6Address;
import java.net.URI;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.ipc.security.ClientAddresses;
import org.ipc.security.RequestIds;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;

/**
 * Rate limits for every endpoint that needs no role, per client address: a token bucket (Bucket4j) per address and
 * endpoint, refilled evenly, kept in a cache of bounded size (Caffeine), so an attacker rotating addresses only
 * pushes older addresses out. Whether an endpoint is public is read from its own annotations (no
 * {@code @RolesAllowed}, {@code @Authenticated} or {@code @DenyAll}, or {@code @PermitAll}), so a new public
 * endpoint is limited without anyone remembering to. Over the limit: 429 problem+json with {@code Retry-After}.
 * The client address is the connection's peer, or the rightmost {@code X-Forwarded-For} entry that no trusted proxy
 * wrote ({@link ClientAddresses}): no header a client sends itself can change it; IPv6 clients count per /64.
 */
@ApplicationScoped
public class PublicRateLimits {

    private record Limit(int requests, Duration period) {
    }

    @Inject
    RateLimitConfig config;

    @Inject
    ClientAddresses addresses;

    private final Map<Method, String> publicEndpoints = new ConcurrentHashMap<>();
    private Cache<String, Bucket> buckets;

    @PostConstruct
    void createBuckets() {
        Duration longest = config.endpoints().values().stream().map(e -> e.period().orElse(config.period()))
                .reduce(config.period(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        // a bucket idle for a whole period is full again: forgetting it changes nothing
        buckets = Caffeine.newBuilder().maximumSize(config.maxBuckets()).expireAfterAccess(longest).build();
    }

    @ServerRequestFilter
    public Response limit(ResourceInfo resource, HttpServerRequest request, HttpHeaders headers) {
        if (!config.enabled() || resource.getResourceMethod() == null) {
            return null;
        }
        String endpoint = publicEndpoints.computeIfAbsent(resource.getResourceMethod(),
                method -> isPublic(resource.getResourceClass(), method) ? template(resource.getResourceClass(), method)
                        : "");
        if (endpoint.isEmpty()) {
            return null;
        }
        Limit limit = limitOf(endpoint);
        String client = bucketOf(addresses.of(request));
        Bucket bucket = buckets.get(client + " " + endpoint, key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.requests()).refillGreedy(limit.requests(), limit.period())
                        .build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return null;
        }
        long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        Problem body = new Problem(URI.create("about:blank"), "Too many requests", 429, "More than "
                + limit.requests() + " requests in " + describe(limit.period()) + " from your address to " + endpoint
                + "; retry after " + retryAfter + " s", request.path(), headers.getHeaderString(RequestIds.HEADER),
                List.of());
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", retryAfter).entity(body).build();
    }

    /**
     * Whose bucket a client's requests fill: an IPv4 address is one client; an IPv6 client is its /64, the network a
     * household or an office gets whole, so rotating addresses inside it changes nothing.
     */
    static String bucketOf(String address) {
        return ClientAddresses.literal(address).filter(ip -> ip instanceof Inet6Address)
                .map(ip -> HexFormat.of().formatHex(ip.getAddress(), 0, 8) + "::/64").orElse(address);
    }

    /** Public: the method or its class says {@code @PermitAll}, or neither asks for a role or a sign-in. */
    static boolean isPublic(Class<?> type, Method method) {
        if (method.isAnnotationPresent(PermitAll.class)) {
            return true;
        }
        if (guarded(method)) {
            return false;
        }
        return type.isAnnotationPresent(PermitAll.class) || !guarded(type);
    }

    private static boolean guarded(AnnotatedElement element) {
        return element.isAnnotationPresent(RolesAllowed.class) || element.isAnnotationPresent(Authenticated.class)
                || element.isAnnotationPresent(DenyAll.class);
    }

    /** The endpoint's path as the OpenAPI document writes it: the class's {@code @Path} and the method's. */
    static String template(Class<?> type, Method method) {
        String base = type.isAnnotationPresent(Path.class) ? type.getAnnotation(Path.class).value() : "";
        String own = method.isAnnotationPresent(Path.class) ? method.getAnnotation(Path.class).value() : "";
        String path = ("/" + base + "/" + own).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private Limit limitOf(String endpoint) {
        RateLimitConfig.Endpoint own = config.endpoints().get(endpoint);
        return new Limit(own == null ? config.requests() : own.requests().orElse(config.requests()),
                own == null ? config.period() : own.period().orElse(config.period()));
    }

    /** Buckets kept now, after pending evictions: never more than {@code ipc.rate-limits.max-buckets}. */
    long bucketsKept() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private static String describe(Duration period) {
        return period.equals(Duration.ofMinutes(1)) ? "a minute" : period.toSeconds() + " s";
    }
}
