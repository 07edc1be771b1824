package org.ipc.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * The k8s manifests are well-typed (each document deserialized strictly by its kind: unknown fields fail) and describe
 * the deployment docs/operations.md runs: three spread replicas, a disruption budget, an autoscaler, probes, a read-only
 * root file system, scrape annotations, a network policy, documents in S3, and the Secrets it reads.
 */
class DeploymentManifestsTest {

    private static final ObjectMapper STRICT = YAMLMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @Test
    void deploymentAndServiceAreValidAndProbeReadiness() throws IOException {
        Deployment deployment = one(Deployment.class);
        Service service = one(Service.class);

        var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
        assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
        Set<String> variables = container.getEnv().stream().map(e -> e.getName()).collect(Collectors.toSet());
        assertThat(variables).contains("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_OIDC_AUTH_SERVER_URL", "QUARKUS_OIDC_CLIENT_ID",
                "QUARKUS_MAILER_HOST", "QUARKUS_MAILER_PORT", "IPC_INBOX_STATE_SECRET", "IPC_DATA_KEY",
                "IPC_DATA_KEY_ID");
        assertThat(service.getSpec().getSelector()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
    }

    @Test
    void threeReplicasOnDifferentNodesThatADrainOrAnAutoscalerNeverTakesBelowTwo() throws IOException {
        Deployment deployment = one(Deployment.class);
        var pod = deployment.getSpec().getTemplate().getSpec();
        Map<String, String> labels = deployment.getSpec().getSelector().getMatchLabels();
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
        assertThat(pod.getTopologySpreadConstraints()).anySatisfy(c -> {
            assertThat(c.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
            assertThat(c.getMaxSkew()).isEqualTo(1);
            assertThat(c.getWhenUnsatisfiable()).isEqualTo("DoNotSchedule");
            assertThat(c.getLabelSelector().getMatchLabels()).isEqualTo(labels);
        });
        PodDisruptionBudget budget = one(PodDisruptionBudget.class);
        assertThat(budget.getSpec().getMinAvailable().getIntVal()).isEqualTo(2);
        assertThat(budget.getSpec().getSelector().getMatchLabels()).isEqualTo(labels);
        HorizontalPodAutoscaler autoscaler = one(HorizontalPodAutoscaler.class);
        assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
        assertThat(autoscaler.getSpec().getMinReplicas()).isEqualTo(deployment.getSpec().getReplicas());
        assertThat(autoscaler.getSpec().getMaxReplicas()).isGreaterThan(3);
    }

    @Test
    void theContainerRunsReadOnlyWithMeasuredResourcesAndIsScraped() throws IOException {
        Deployment deployment = one(Deployment.class);
        var pod = deployment.getSpec().getTemplate().getSpec();
        var container = pod.getContainers().get(0);
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        // two writable places: /tmp for multipart spooling, and the uploads in progress on a volume every replica shares
        assertThat(container.getVolumeMounts()).extracting(m -> m.getMountPath())
                .containsExactlyInAnyOrder("/tmp", "/var/lib/ipc/uploads");
        assertThat(pod.getVolumes()).filteredOn(v -> v.getName().equals("tmp"))
                .singleElement().satisfies(v -> assertThat(v.getEmptyDir()).isNotNull());
        var uploads = pod.getVolumes().stream().filter(v -> v.getName().equals("uploads")).findFirst().orElseThrow();
        var claim = one(io.fabric8.kubernetes.api.model.PersistentVolumeClaim.class);
        assertThat(uploads.getPersistentVolumeClaim().getClaimName()).isEqualTo(claim.getMetadata().getName());
        assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteMany");
        assertThat(container.getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("IPC_UPLOADS_DIRECTORY");
            assertThat(e.getValue()).isEqualTo("/var/lib/ipc/uploads");
        });
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits().get("memory").toString()).isEqualTo("640Mi");
        assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("prometheus.io/scrape", "true").containsEntry("prometheus.io/path", "/q/metrics")
                .containsEntry("prometheus.io/port", "8080");
    }

    @Test
    void theServiceTrustsTheIngressRangeOnlyAsTheClientsProxy() throws IOException {
        var env = one(Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
        String trusted = env.stream().filter(e -> e.getName().equals("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES"))
                .map(e -> e.getValue()).findFirst().orElseThrow(() -> new AssertionError(
                        "k8s/ sets no QUARKUS_HTTP_PROXY_TRUSTED_PROXIES: every client would have the ingress's address"));
        assertThat(trusted.split(",")).isNotEmpty().allSatisfy(range -> assertThat(range.strip())
                .as("a range or an address, never a host name, never everyone")
                .matches("(\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?|[0-9A-Fa-f:.]+/\\d{1,3})")
                .isNotIn("0.0.0.0/0", "::/0"));
    }

    @Test
    void documentsLiveInTheObjectStoreWithEveryVariableTheServiceNeeds() throws IOException {
        var env = one(Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
        Map<String, String> values = new java.util.HashMap<>();
        env.stream().filter(e -> e.getValue() != null).forEach(e -> values.put(e.getName(), e.getValue()));
        assertThat(values).containsEntry("IPC_DOCUMENTS_STORAGE", "s3");
        assertThat(env.stream().map(e -> e.getName())).contains("IPC_DOCUMENTS_S3_ENDPOINT", "IPC_DOCUMENTS_S3_BUCKET",
                "IPC_DOCUMENTS_S3_REGION", "IPC_DOCUMENTS_S3_ACCESS_KEY_ID", "IPC_DOCUMENTS_S3_SECRET_ACCESS_KEY",
                "IPC_DOCUMENTS_S3_PATH_STYLE");
        // the start-up check accepts what the manifest sets (secrets read as present)
        Map<String, String> config = new java.util.HashMap<>();
        env.forEach(e -> config.put(propertyOf(e.getName()), e.getValue() != null ? e.getValue()
                : "a-secret-value-of-at-least-32-characters-0123456789"));
        config.put("IPC_INBOX_STATE_SECRET", "a-secret-value-of-at-least-32-characters-0123456789");
        config.put("IPC_DATA_KEY", "cGFja2FnZWQtc2VydmljZS10ZXN0LWtleS0wMTIzNDU=");
        config.put("IPC_DATA_KEY_ID", "k1");
        config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://postgres:5432/ipc");
        assertThat(org.ipc.operations.StartupChecks.problems(name -> java.util.Optional.ofNullable(config.get(name))))
                .isEmpty();
    }

    @Test
    void everySecretTheDeploymentReadsIsInTheTemplateWithPlaceholdersOnly() throws IOException {
        var env = one(Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
        Map<String, Secret> secrets = new java.util.HashMap<>();
        for (JsonNode document : documents(Path.of("k8s", "secrets.template.yaml"))) {
            Secret secret = STRICT.treeToValue(document, Secret.class);
            secrets.put(secret.getMetadata().getName(), secret);
        }
        env.stream().filter(e -> e.getValueFrom() != null).map(e -> e.getValueFrom().getSecretKeyRef())
                .forEach(ref -> assertThat(secrets.get(ref.getName())).as(ref.getName()).isNotNull()
                        .satisfies(s -> assertThat(s.getStringData()).containsKey(ref.getKey())));
        assertThat(secrets.values().stream().flatMap(s -> s.getStringData().entrySet().stream())
                .filter(e -> e.getKey().contains("password") || e.getKey().contains("secret"))
                .map(Map.Entry::getValue)).allMatch(v -> v.startsWith("REPLACE-"));
    }

    @Test
    void theNetworkPolicyLetsInOnlyTheIngressAndPrometheusAndOutOnlyWhatTheServiceCalls() throws IOException {
        NetworkPolicy policy = one(NetworkPolicy.class);
        assertThat(policy.getSpec().getPodSelector().getMatchLabels())
                .isEqualTo(one(Deployment.class).getSpec().getSelector().getMatchLabels());
        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(policy.getSpec().getIngress()).singleElement().satisfies(rule -> assertThat(rule.getPorts())
                .extracting(p -> p.getPort().getIntVal()).containsExactly(8080));
        assertThat(policy.getSpec().getEgress().stream().flatMap(r -> r.getPorts().stream())
                .map(p -> p.getPort().getIntVal())).contains(53, 5432, 443, 587, 9000);
    }

    private static <T> T one(Class<T> kind) throws IOException {
        List<T> found = new java.util.ArrayList<>();
        for (JsonNode document : documents(Path.of("k8s", "ipc-coordination.yaml"))) {
            if (document.path("kind").asText().equals(kind.getSimpleName())) {
                found.add(STRICT.treeToValue(document, kind));
            }
        }
        assertThat(found).as(kind.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    /** Every document of a manifest, each deserialized strictly by its kind's model first (unknown fields fail). */
    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> documents = STRICT.readerFor(JsonNode.class).<JsonNode>readValues(Files.readString(file)).readAll();
        for (JsonNode document : documents) {
            Class<?> model = switch (document.path("kind").asText()) {
                case "Deployment" -> Deployment.class;
                case "Service" -> Service.class;
                case "PodDisruptionBudget" -> PodDisruptionBudget.class;
                case "HorizontalPodAutoscaler" -> HorizontalPodAutoscaler.class;
                case "NetworkPolicy" -> NetworkPolicy.class;
                case "Secret" -> Secret.class;
                case "PersistentVolumeClaim" -> io.fabric8.kubernetes.api.model.PersistentVolumeClaim.class;
                default -> throw new AssertionError(file + " has a " + document.path("kind") + " no test reads");
            };
            STRICT.treeToValue(document, model);
        }
        return documents;
    }

    /** The property an environment variable sets, for the variables the start-up check reads. */
    private static String propertyOf(String variable) {
        return Map.ofEntries(Map.entry("QUARKUS_DATASOURCE_JDBC_URL", "quarkus.datasource.jdbc.url"),
                Map.entry("QUARKUS_DATASOURCE_USERNAME", "quarkus.datasource.username"),
                Map.entry("QUARKUS_OIDC_AUTH_SERVER_URL", "quarkus.oidc.auth-server-url"),
                Map.entry("IPC_DOCUMENTS_STORAGE", "ipc.documents.storage"),
                Map.entry("IPC_DOCUMENTS_S3_ENDPOINT", "ipc.documents.s3.endpoint"),
                Map.entry("IPC_DOCUMENTS_S3_BUCKET", "ipc.documents.s3.bucket"),
                Map.entry("IPC_DOCUMENTS_S3_REGION", "ipc.documents.s3.region"),
                Map.entry("IPC_DOCUMENTS_S3_ACCESS_KEY_ID", "ipc.documents.s3.access-key-id"),
                Map.entry("IPC_DOCUMENTS_S3_SECRET_ACCESS_KEY", "ipc.documents.s3.secret-access-key"),
                Map.entry("IPC_DOCUMENTS_S3_PATH_STYLE", "ipc.documents.s3.path-style")).getOrDefault(variable, variable);
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
