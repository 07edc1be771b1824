package org.ipc.testing;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Bearer tokens for the demo users, from the OIDC server the service itself trusts (Quarkus' in-process OIDC
 * server in tests and dev mode), through the same password grant the README shows.
 */
public final class Tokens {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    public static String of(String user) {
        return CACHE.computeIfAbsent(user, Tokens::fetch);
    }

    private static String fetch(String user) {
        String issuer = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        return given().formParam("grant_type", "password").formParam("client_id", "ipc-api")
                .formParam("username", user).formParam("password", user)
                .post(issuer + "/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
