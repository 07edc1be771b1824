package org.ipc.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.ipc.testing.KeycloakProfile;
import org.ipc.testing.Tokens;
import org.ipc.testing.WebSession;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A realm whose tokens also carry a {@code groups} claim (Keycloak's group-membership mapper, plain names), as
 * hospitals' realms often do: the physician is a member of groups named {@code admin} and {@code coordinator},
 * which grants nothing, and staff whose tokens carry a group too keep working. Roles come from
 * {@code realm_access.roles} only. The tokens are checked to carry the claim, so this cannot pass for want of it.
 */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
class GroupsGrantNothingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL root;

    @Test
    void theRealmsTokensReallyCarryAGroupsClaim() {
        JsonNode physician = claims(Tokens.of("physician"));
        assertThat(strings(physician.path("groups"))).containsExactlyInAnyOrder("admin", "coordinator");
        assertThat(strings(physician.at("/realm_access/roles"))).contains("physician")
                .doesNotContain("admin", "coordinator");
        for (String staff : List.of("coordinator", "specialist", "finance", "supervisor", "admin")) {
            assertThat(strings(claims(Tokens.of(staff)).path("groups"))).as(staff)
                    .containsExactly("International Patient Center");
        }
    }

    @Test
    void aPhysicianInGroupsNamedAdminAndCoordinatorGetsNeitherRole() {
        String physician = Tokens.of("physician");
        given().auth().oauth2(physician).get("/api/audit").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(physician).get("/api/inbox/tasks").then().statusCode(403);
        given().auth().oauth2(physician).get("/api/inbox/tasks/queues").then().statusCode(403);
        given().auth().oauth2(physician).get("/api/cases/" + UUID.randomUUID()).then().statusCode(403);
        given().auth().oauth2(physician).get("/api/cases/" + UUID.randomUUID() + "/messages").then().statusCode(403);
        given().auth().oauth2(physician).get("/api/portal/cases").then().statusCode(200);
        WebSession page = WebSession.signIn(URI.create(root.toString()), "physician");
        assertThat(page.landing().statusCode()).as("the inbox page, signed in with the realm's code flow")
                .isEqualTo(403);
    }

    @Test
    void staffWhoseTokensCarryAGroupKeepTheirRealmRoles() {
        given().auth().oauth2(Tokens.of("admin")).get("/api/audit").then().statusCode(200);
        given().auth().oauth2(Tokens.of("coordinator")).get("/api/inbox/tasks/queues").then().statusCode(200);
        given().auth().oauth2(Tokens.of("specialist")).get("/api/inbox/tasks").then().statusCode(200);
        given().auth().oauth2(Tokens.of("finance")).get("/api/inbox/tasks").then().statusCode(200);
        given().auth().oauth2(Tokens.of("supervisor")).get("/api/inbox/tasks").then().statusCode(200);
        given().auth().oauth2(Tokens.of("admin")).get("/api/inbox/tasks").then().statusCode(403);
        WebSession page = WebSession.signIn(URI.create(root.toString()), "coordinator");
        assertThat(page.landing().statusCode()).isEqualTo(200);
    }

    private static List<String> strings(JsonNode array) {
        return array.isArray() ? JSON.convertValue(array, JSON.getTypeFactory().constructCollectionType(List.class,
                String.class)) : List.of();
    }

    private static JsonNode claims(String token) {
        try {
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
