package org.ipc.testing;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Bearer tokens for the demo users, from the OIDC server the service itself trusts, through the same password
 * grant the README shows: Quarkus' in-process OIDC server in dev mode and most tests, the real Keycloak of
 * {@link KeycloakResource} under {@link KeycloakProfile} (there, with its test client {@code ipc-test}).
 */
public final class Tokens {

    /** Tokens are reused for a while, well inside the shortest lifespan of the servers' tokens (Keycloak: 1 h). */
    private static final Duration REUSE = Duration.ofMinutes(4);
    private static final Map<String, Issued> CACHE = new ConcurrentHashMap<>();

    private record Issued(String token, Instant at) {
    }

    private Tokens() {
    }

    public static String of(String user) {
        String url = tokenUrl();
        // keyed by server too: the service restarts with another OIDC server under another test profile
        return CACHE.compute(url + " " + user, (key, issued) -> issued != null
                && issued.at().plus(REUSE).isAfter(Instant.now()) ? issued
                        : new Issued(fetch(url, client(), user), Instant.now())).token();
    }

    /** A new token from {@code client} of the realm at {@code tokenUrl}, never cached. */
    public static String fetch(String tokenUrl, String client, String user) {
        return given().formParam("grant_type", "password").formParam("client_id", client)
                .formParam("username", user).formParam("password", user)
                .post(tokenUrl)
                .then().statusCode(200).extract().path("access_token");
    }

    private static String tokenUrl() {
        Config config = ConfigProvider.getConfig();
        return config.getOptionalValue(KeycloakResource.TOKEN_URL_PROPERTY, String.class)
                .orElseGet(() -> config.getValue("quarkus.oidc.auth-server-url", String.class) + "/token");
    }

    private static String client() {
        return ConfigProvider.getConfig().getOptionalValue(KeycloakResource.TOKEN_CLIENT_PROPERTY, String.class)
                .orElse("ipc-api");
    }
}
