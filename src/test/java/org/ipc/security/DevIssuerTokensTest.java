package org.ipc.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.ipc.testing.Tokens;
import org.ipc.testing.WebSession;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Dev mode and the default test suite read roles as production does: the dev issuer's tokens carry them in
 * {@code realm_access.roles} (no {@code groups}), with the API's audience, and the inbox page signs in through its
 * code flow with them.
 */
@QuarkusTest
class DevIssuerTokensTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL root;

    @Test
    void demoTokensCarryRealmRolesAndTheApiAudienceLikeTheRealmsDo() throws Exception {
        JsonNode claims = claims(Tokens.of("coordinator2"));
        assertThat(JSON.convertValue(claims.at("/realm_access/roles"), List.class))
                .containsExactly("coordinator", "lang:en", "lang:pt", "lang:ar");
        assertThat(claims.has("groups")).isFalse();
        assertThat(claims.path("aud").asText()).isEqualTo("ipc-api");
        assertThat(claims.path("sub").asText()).isEqualTo("coordinator2");
        given().auth().oauth2(Tokens.of("coordinator2")).get("/api/inbox/tasks/queues").then().statusCode(200);
        given().auth().oauth2(Tokens.of("physician")).get("/api/inbox/tasks/queues").then().statusCode(403);
    }

    @Test
    void theInboxPageSignsInThroughTheDevIssuersCodeFlow() {
        WebSession staff = WebSession.signIn(URI.create(root.toString()), "coordinator");
        assertThat(staff.landing().statusCode()).isEqualTo(200);
        assertThat(staff.landing().uri().getPath()).isEqualTo("/inbox");
        WebSession physician = WebSession.signIn(URI.create(root.toString()), "physician");
        assertThat(physician.landing().statusCode()).isEqualTo(403);
    }

    @Test
    void anUnknownUserGetsNoToken() {
        given().formParam("grant_type", "password").formParam("username", "mallory").formParam("password", "x")
                .post("/dev/oidc/token").then().statusCode(401);
    }

    private static JsonNode claims(String token) throws Exception {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}
