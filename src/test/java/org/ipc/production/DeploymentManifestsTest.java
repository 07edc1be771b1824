package org.ipc.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** The k8s manifests are well-typed (unknown fields fail) and configure the service only by QUARKUS_* variables. */
class DeploymentManifestsTest {

    private static final ObjectMapper STRICT = YAMLMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @Test
    void deploymentAndServiceAreValidAndProbeReadiness() throws IOException {
        List<JsonNode> documents = STRICT.readerFor(JsonNode.class)
                .<JsonNode>readValues(Files.readString(Path.of("k8s", "ipc-coordination.yaml"))).readAll();
        Deployment deployment = STRICT.treeToValue(documents.get(0), Deployment.class);
        Service service = STRICT.treeToValue(documents.get(1), Service.class);

        var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
        Set<String> variables = container.getEnv().stream().map(e -> e.getName()).collect(Collectors.toSet());
        assertThat(variables).contains("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_OIDC_AUTH_SERVER_URL", "QUARKUS_OIDC_CLIENT_ID",
                "QUARKUS_MAILER_HOST", "QUARKUS_MAILER_PORT", "IPC_DATA_KEY", "IPC_DATA_KEY_ID");
        assertThat(deployment.getSpec().getReplicas()).isGreaterThan(1);
        assertThat(service.getSpec().getSelector()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
    }

    @Test
    void productionRealmHasTheRolesAndNoUsers() throws IOException {
        JsonNode realm = JsonMapper.builder().build().readTree(Path.of("k8s", "keycloak", "ipc-realm.json").toFile());
        List<String> roles = realm.at("/roles/realm").findValuesAsText("name");
        assertThat(roles.stream().filter(r -> !r.contains(":"))).containsExactlyInAnyOrder("physician",
                "coordinator", "specialist", "finance", "supervisor", "admin");
        assertThat(realm.path("users")).isEmpty();
        assertThat(realm.toString()).doesNotContain("\"credentials\"", "\"secret\"", "\"password\"");
    }

    @Test
    void everyRoutingLanguageAndEveryDepartmentHasItsRealmRole() throws IOException {
        JsonNode realm = JsonMapper.builder().build().readTree(Path.of("k8s", "keycloak", "ipc-realm.json").toFile());
        List<String> roles = realm.at("/roles/realm").findValuesAsText("name");
        assertThat(roles).contains("lang:en", "lang:es", "lang:pt", "lang:zh", "lang:ar");
        java.util.regex.Matcher department = java.util.regex.Pattern.compile("\\('([a-z0-9-]+)', '[^']*', \\d+\\)")
                .matcher(Files.readString(Path.of("src", "main", "resources", "db", "migration",
                        "V1__cases_patients_physicians.sql")));
        List<String> departments = new java.util.ArrayList<>();
        while (department.find()) {
            departments.add("dept:" + department.group(1));
        }
        assertThat(departments).hasSizeGreaterThan(20);
        assertThat(roles).containsAll(departments);
    }

    @Test
    void browserClientsUsePkceAndThePortalsTokensAreForTheApi() throws IOException {
        JsonNode realm = JsonMapper.builder().build().readTree(Path.of("k8s", "keycloak", "ipc-realm.json").toFile());
        for (JsonNode client : realm.path("clients")) {
            if (client.path("publicClient").asBoolean()) {
                assertThat(client.at("/attributes/pkce.code.challenge.method").asText())
                        .as(client.path("clientId").asText()).isEqualTo("S256");
                assertThat(client.path("implicitFlowEnabled").asBoolean()).isFalse();
                assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
            }
            if (client.path("clientId").asText().equals("ipc-portal")) {
                assertThat(client.path("protocolMappers").findValuesAsText("included.client.audience"))
                        .containsExactly("ipc-api");
            }
        }
        assertThat(realm.path("clients").findValuesAsText("clientId")).contains("ipc-api", "ipc-inbox", "ipc-portal");
    }
}
