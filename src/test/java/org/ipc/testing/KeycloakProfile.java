package org.ipc.testing;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service trusting a real Keycloak ({@link KeycloakResource}) instead of Quarkus' in-process OIDC server, and
 * verifying the audience as production does. Every test class with this profile shares one start of the service
 * and of Keycloak (Quarkus orders test classes by profile).
 */
public class KeycloakProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.oidc.devservices.enabled", "false",
                "quarkus.oidc.token.audience", "ipc-api");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KeycloakResource.class));
    }
}
