package org.ipc.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service at its limits, for the tests of what happens there: small rate limits on the endpoints that need no role
 * (three a minute, two for the deadline; only 127.0.0.2 a trusted proxy, so the tests' own 127.0.0.1 is an ordinary
 * client), and a pool of two database connections with physicians new to the service. One profile for them all, so
 * Quarkus restarts once for them rather than once each.
 */
public class ConstrainedProfile implements QuarkusTestProfile {

    /** Physicians the service has never seen: {@code newcomer1} to {@code newcomer<NEWCOMERS>}. */
    public static final int NEWCOMERS = 4;

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        config.put("ipc.rate-limits.requests", "3");
        config.put("ipc.rate-limits.endpoints.\"/api/office-hours/deadline\".requests", "2");
        config.put("ipc.rate-limits.endpoints.\"/verify/{code}\".requests", "3");
        config.put("ipc.rate-limits.max-buckets", "100");
        config.put("quarkus.http.proxy.trusted-proxies", "127.0.0.2");
        config.put("quarkus.datasource.jdbc.max-size", "2");
        // A request that waits on itself never gets a second connection, however long it waits; a generous timeout
        // only keeps honest queueing on a busy machine from looking like that.
        config.put("quarkus.datasource.jdbc.acquisition-timeout", "20S");
        IntStream.rangeClosed(1, NEWCOMERS).forEach(i -> config.put("ipc.dev-users.newcomer" + i, "physician"));
        return config;
    }
}
