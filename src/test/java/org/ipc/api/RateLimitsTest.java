package org.ipc.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.ipc.testing.ConstrainedProfile;
import org.ipc.testing.RawHttp;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Every endpoint that needs no role is rate-limited per client address (429 problem+json with Retry-After), the
 * OpenAPI document's public operations included, whoever adds them; the address is the peer's or a trusted proxy's
 * X-Forwarded-For, never a header a client sets itself; and however many addresses call, the buckets kept stay
 * bounded. Limits here are small (three a minute, two for the deadline), set by {@link ConstrainedProfile}.
 */
@QuarkusTest
@TestProfile(ConstrainedProfile.class)
class RateLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    PublicRateLimits limits;

    @Test
    void everyOperationOfTheOpenApiDocumentWithoutSecurityIsLimited() throws Exception {
        JsonNode paths = JSON.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract()
                .asString()).path("paths");
        List<String> publicOperations = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (Set.of("get", "post", "put", "patch", "delete").contains(op.getKey())
                    && op.getValue().path("security").isEmpty()) {
                publicOperations.add(op.getKey().toUpperCase() + " " + path.getKey());
            }
        }));
        assertThat(publicOperations).contains("GET /api/office-hours", "GET /api/office-hours/deadline");
        for (String operation : publicOperations) {
            String[] parts = operation.split(" ");
            String target = parts[1].replaceAll("\\{[^}]+}", "physician");
            int limit = parts[1].equals("/api/office-hours/deadline") ? 2 : 3;
            // a peer of its own (127.0.0.4), so the other tests' calls do not count
            for (int i = 0; i < limit; i++) {
                assertThat(RawHttp.sendFrom("127.0.0.4", parts[0], target).status()).as(operation + " call " + (i + 1))
                        .isNotEqualTo(429);
            }
            RawHttp.Answer refused = RawHttp.sendFrom("127.0.0.4", parts[0], target);
            assertThat(refused.status()).as(operation).isEqualTo(429);
            assertThat(refused.contentType()).isEqualTo(Problem.MEDIA_TYPE);
            assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
            assertThat(refused.body()).contains("\"title\":\"Too many requests\"").contains(parts[1]);
        }
    }

    @Test
    void endpointsThatNeedARoleAreNotLimitedHere() {
        for (int i = 0; i < 10; i++) {
            given().auth().oauth2(Tokens.of("coordinator")).get("/api/departments").then().statusCode(200);
        }
    }

    @Test
    void aClientsOwnForwardedForHeaderChangesNothing() {
        String target = "/api/office-hours?tz=Asia/Dubai";
        for (int i = 0; i < 3; i++) {
            assertThat(RawHttp.sendFrom("127.0.0.3", "GET", target, "X-Forwarded-For: 198.51.100." + i).status())
                    .isEqualTo(200);
        }
        for (int i = 3; i < 8; i++) {
            assertThat(RawHttp.sendFrom("127.0.0.3", "GET", target, "X-Forwarded-For: 198.51.100." + i,
                    "Forwarded: for=198.51.100." + i, "X-Real-IP: 198.51.100." + i).status())
                    .as("a made-up forwarded address from a peer that is no trusted proxy").isEqualTo(429);
        }
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnLimit() {
        String target = "/api/office-hours/deadline?from=2026-11-20T16:00:00-05:00&duration=P1D";
        for (int i = 0; i < 2; i++) {
            assertThat(RawHttp.sendFrom("127.0.0.2", "GET", target, "X-Forwarded-For: 203.0.113.7").status())
                    .isEqualTo(200);
        }
        assertThat(RawHttp.sendFrom("127.0.0.2", "GET", target, "X-Forwarded-For: 203.0.113.7").status())
                .isEqualTo(429);
        assertThat(RawHttp.sendFrom("127.0.0.2", "GET", target, "X-Forwarded-For: 203.0.113.8").status())
                .as("another client behind the same proxy").isEqualTo(200);
    }

    @Test
    void behindATrustedProxyTheClientIsTheRightmostAddressItDidNotWriteItself() {
        // the proxy appends the address it saw; whatever the client wrote before it is the client's own invention
        String target = "/api/office-hours?tz=Asia/Tokyo";
        for (int i = 0; i < 3; i++) {
            assertThat(RawHttp.sendFrom("127.0.0.2", "GET", target,
                    "X-Forwarded-For: 198.18.0." + i + ", 203.0.113.50").status()).isEqualTo(200);
        }
        assertThat(RawHttp.sendFrom("127.0.0.2", "GET", target, "X-Forwarded-For: 198.18.0.9, 203.0.113.50")
                .status()).as("a new made-up address in front of the same client").isEqualTo(429);
        // the same when the proxy adds a header line of its own (HAProxy's option forwardfor)
        assertThat(RawHttp.sendFrom("127.0.0.2", "GET", target, "X-Forwarded-For: 198.18.0.10",
                "X-Forwarded-For: 203.0.113.50").status()).isEqualTo(429);
        // addresses of trusted proxies on the way are skipped: 127.0.0.2 forwarded for another proxy of its own
        assertThat(RawHttp.sendFrom("127.0.0.2", "GET", target, "X-Forwarded-For: 198.18.0.11, 203.0.113.50, 127.0.0.2")
                .status()).isEqualTo(429);
        assertThat(RawHttp.sendFrom("127.0.0.2", "GET", target, "X-Forwarded-For: 198.18.0.12, 203.0.113.51")
                .status()).as("another client").isEqualTo(200);
    }

    @Test
    void ipv6ClientsAreCountedPerSlash64() {
        // one household or office gets a whole /64: rotating addresses inside it changes no bucket
        String target = "/api/office-hours?tz=Europe/Berlin";
        for (String address : List.of("2001:db8:24:1::1", "2001:db8:24:1::2", "2001:db8:24:1:ffff:ffff:ffff:9")) {
            assertThat(RawHttp.sendFrom("127.0.0.2", "GET", target, "X-Forwarded-For: " + address).status())
                    .as(address).isEqualTo(200);
        }
        assertThat(RawHttp.sendFrom("127.0.0.2", "GET", target, "X-Forwarded-For: 2001:db8:24:1::abcd").status())
                .isEqualTo(429);
        assertThat(RawHttp.sendFrom("127.0.0.2", "GET", target, "X-Forwarded-For: 2001:db8:24:2::1").status())
                .as("the next /64").isEqualTo(200);
    }

    @Test
    void addressesRotatedByTheThousandKeepTheBucketsBounded() {
        for (int i = 0; i < 1_000; i++) {
            RawHttp.sendFrom("127.0.0.2", "GET", "/api/office-hours", "X-Forwarded-For: 10.1." + (i / 250) + "." + (i % 250));
        }
        assertThat(limits.bucketsKept()).isPositive().isLessThanOrEqualTo(100);
    }
}
