package org.ipc.api;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How often one client address may call each public endpoint (one that needs no role). */
@ConfigMapping(prefix = "ipc.rate-limits")
public interface RateLimitConfig {

    /** Whether public endpoints are rate-limited at all. */
    @WithDefault("true")
    boolean enabled();

    /** Requests one client address may make to one public endpoint per {@link #period()}, refilled evenly. */
    @WithDefault("60")
    int requests();

    /** The period over which {@link #requests()} refill. */
    @WithDefault("1M")
    Duration period();

    /**
     * Buckets (one per client address and endpoint) kept at most, the least used forgotten first: this bounds the
     * memory however many addresses call (a forgotten client starts again with a full bucket).
     */
    @WithDefault("20000")
    int maxBuckets();

    /** Overrides per endpoint, keyed by its path as the OpenAPI document writes it (e.g. {@code /verify/{code}}). */
    Map<String, Endpoint> endpoints();

    interface Endpoint {

        /** Requests per period for this endpoint. */
        Optional<Integer> requests();

        /** The period for this endpoint. */
        Optional<Duration> period();
    }
}
