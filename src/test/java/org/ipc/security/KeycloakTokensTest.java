package org.ipc.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ipc.testing.KeycloakProfile;
import org.ipc.testing.KeycloakResource;
import org.ipc.testing.Tokens;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Tokens from a real Keycloak: every role of the realm signs in and reaches the API with its languages and
 * departments; an expired, forged, wrong-audience or other-realm token is a 401 problem, like no token at all.
 */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
class KeycloakTokensTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROTECTED = "/api/portal/cases";

    @ConfigProperty(name = KeycloakResource.URL_PROPERTY)
    String keycloak;

    @Test
    void everyDemoUserGetsATokenForTheApiWithTheirRealmRoles() {
        Map<String, List<String>> roles = Map.of(
                "physician", List.of("physician"), "physician2", List.of("physician"),
                "coordinator", List.of("coordinator", "lang:en", "lang:es", "lang:pt", "lang:zh"),
                "coordinator2", List.of("coordinator", "lang:en", "lang:pt", "lang:ar"),
                "specialist", List.of("specialist", "dept:cancer-center", "dept:heart-center"),
                "specialist2", List.of("specialist", "dept:neurology"),
                "finance", List.of("finance"), "supervisor", List.of("supervisor"), "admin", List.of("admin"));
        roles.forEach((user, expected) -> {
            JsonNode claims = claims(Tokens.of(user));
            assertThat(claims.path("iss").asText()).isEqualTo(keycloak + "/realms/ipc");
            assertThat(audiences(claims)).as(user).contains("ipc-api");
            assertThat(JSON.convertValue(claims.at("/realm_access/roles"), List.class)).as(user)
                    .containsAll(expected);
            given().auth().oauth2(Tokens.of(user)).when().get("/api/departments").then().statusCode(200);
        });
    }

    @Test
    void languagesAndDepartmentsInTheTokenBecomeTheCallersQueues() {
        given().auth().oauth2(Tokens.of("coordinator2")).when().get("/api/inbox/tasks/queues")
                .then().statusCode(200)
                .body("queues.group", equalTo(List.of("coordinator", "coordinator:ar", "coordinator:en",
                        "coordinator:pt")));
        given().auth().oauth2(Tokens.of("specialist")).when().get("/api/inbox/tasks/queues")
                .then().statusCode(200)
                .body("queues.group", equalTo(List.of("specialist", "specialist:cancer-center",
                        "specialist:heart-center")));
    }

    @Test
    void noTokenOrGarbageIsA401Problem() {
        given().when().get(PROTECTED).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().auth().oauth2("not-a-token").when().get(PROTECTED).then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void anExpiredTokenIsRefused() throws InterruptedException {
        // the service has verified a token of this realm before, so its keys are at hand: the first call is quick
        given().auth().oauth2(Tokens.of("physician")).when().get(PROTECTED).then().statusCode(200);
        String token = Tokens.fetch(tokenUrl("ipc"), "ipc-test-expiring", "physician");
        JsonNode claims = claims(token);
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(4);
        given().auth().oauth2(token).when().get(PROTECTED).then().statusCode(200);
        long waitMillis = claims.path("exp").asLong() * 1000 - System.currentTimeMillis() + 1500;
        Thread.sleep(Math.max(0, waitMillis));
        given().auth().oauth2(token).when().get(PROTECTED).then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aTokenWithAnAlteredPayloadIsRefused() {
        String[] parts = Tokens.of("physician").split("\\.");
        ObjectNode claims = (ObjectNode) claims(Tokens.of("physician"));
        claims.putObject("realm_access").putArray("roles").add("physician").add("admin").add("supervisor");
        String altered = parts[0] + "." + encode(claims.toString()) + "." + parts[2];
        given().auth().oauth2(altered).when().get("/api/cases/" + java.util.UUID.randomUUID())
                .then().statusCode(401);
        given().auth().oauth2(altered).when().get(PROTECTED).then().statusCode(401);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        String genuine = Tokens.of("physician");
        String kid = header(genuine).path("kid").asText();
        RsaJsonWebKey attacker = RsaJwkGenerator.generateJwk(2048);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(JwtClaims.parse(claims(genuine).toString()).toJson());
        jws.setKey(attacker.getPrivateKey());
        jws.setKeyIdHeaderValue(kid);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        given().auth().oauth2(jws.getCompactSerialization()).when().get(PROTECTED).then().statusCode(401);

        // and an unsigned one ("alg": "none") with the same claims
        String unsigned = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(claims(genuine).toString()) + ".";
        given().auth().oauth2(unsigned).when().get(PROTECTED).then().statusCode(401);
    }

    @Test
    void aTokenAnotherClientOfTheRealmGotForItselfIsRefused() {
        String token = Tokens.fetch(tokenUrl("ipc"), "ipc-other-app", "physician");
        JsonNode claims = claims(token);
        assertThat(claims.path("iss").asText()).isEqualTo(keycloak + "/realms/ipc");
        assertThat(JSON.convertValue(claims.at("/realm_access/roles"), List.class)).contains("physician");
        assertThat(audiences(claims)).doesNotContain("ipc-api");
        given().auth().oauth2(token).when().get(PROTECTED).then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aTokenFromAnotherRealmOfTheSameServerIsRefused() {
        String token = Tokens.fetch(tokenUrl("other"), "ipc-test", "physician");
        JsonNode claims = claims(token);
        assertThat(claims.path("iss").asText()).isEqualTo(keycloak + "/realms/other");
        assertThat(audiences(claims)).contains("ipc-api");
        given().auth().oauth2(token).when().get(PROTECTED).then().statusCode(401);
        given().auth().oauth2(Tokens.fetch(tokenUrl("other"), "ipc-test", "admin")).when().get("/api/departments")
                .then().statusCode(401);
    }

    private String tokenUrl(String realm) {
        return keycloak + "/realms/" + realm + "/protocol/openid-connect/token";
    }

    private static JsonNode claims(String token) {
        return decode(token.split("\\.")[1]);
    }

    private static JsonNode header(String token) {
        return decode(token.split("\\.")[0]);
    }

    private static List<String> audiences(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        return aud.isArray() ? JSON.convertValue(aud, List.class) : aud.isMissingNode() ? List.of() : List.of(aud.asText());
    }

    private static JsonNode decode(String part) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(part));
        } catch (java.io.IOException e) {
            throw new AssertionError("not a JSON token part: " + part, e);
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
