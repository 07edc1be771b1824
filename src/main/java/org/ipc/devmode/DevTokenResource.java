package org.ipc.devmode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ipc.common.InvalidInputException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * Dev mode only (never built into the packaged service): hands out an access token for a demo user from the dev
 * issuer ({@link DevIssuer}), so the README's curl walk can say
 * {@code TOKEN=$(curl -s localhost:8080/dev/token/physician)}.
 */
@Path("/dev/token")
@IfBuildProfile(anyOf = { "dev", "test" })
public class DevTokenResource {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String issuer;

    @ConfigProperty(name = "quarkus.oidc.client-id")
    String clientId;

    @ConfigProperty(name = "ipc.dev-users")
    java.util.Map<String, String> demoUsers;

    @Inject
    ObjectMapper json;

    @GET
    @Path("/{user}")
    @Produces(MediaType.TEXT_PLAIN)
    public String token(@PathParam("user") String user) throws IOException, InterruptedException {
        if (!demoUsers.containsKey(user)) {
            throw InvalidInputException.field("user", "is not a demo user; they are " + demoUsers.keySet());
        }
        String form = "grant_type=password&client_id=" + enc(clientId) + "&username=" + enc(user) + "&password="
                + enc(user);
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("dev OIDC server answered " + response.statusCode());
        }
        JsonNode body = json.readTree(response.body());
        return body.path("access_token").asText();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
