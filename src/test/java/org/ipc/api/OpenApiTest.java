package org.ipc.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.ipc.testing.ApiCompatibility;
import org.ipc.testing.Redocly;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The OpenAPI document the service serves is the REST API's contract (docs/api.md): it passes Redocly's recommended
 * lint without a warning, names every operation and types every answer, shows examples of the main requests,
 * answers and errors, and keeps everything the committed snapshot (src/main/openapi/openapi.json, from which the
 * tests' client is generated) promised.
 */
@QuarkusTest
class OpenApiTest {

    /** The contract as committed; the tests' client is generated from it (pom.xml, GeneratedClientTest). */
    static final Path SNAPSHOT = Path.of("src", "main", "openapi", "openapi.json");
    /** The document as this build serves it. */
    static final Path SERVED = Path.of("target", "openapi", "openapi.json");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> AUDIENCES = Set.of(ApiDocument.PHYSICIANS, ApiDocument.INBOX,
            ApiDocument.FINANCE, ApiDocument.ADMINISTRATION, ApiDocument.PUBLIC);
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch");

    @Test
    void portalEndpointsCarryRequestAndErrorExamples() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .rootPath("paths.'/api/portal/cases'.post")
                .body("requestBody.content.'application/json'.examples.'second opinion'.value", notNullValue())
                .body("responses.'201'.content.'application/json'.examples.submitted.value.status",
                        org.hamcrest.Matchers.equalTo("SUBMITTED"))
                .body("responses.'201'.headers", hasKey("Location"))
                .body("parameters.find { it.name == 'Idempotency-Key' }.description", containsString("retry"))
                .body("responses.'400'.content.'application/problem+json'.examples.'invalid fields'.value", notNullValue())
                .body("responses.'422'.content.'application/problem+json'.examples", notNullValue())
                .rootPath("paths.'/api/portal/cases/{id}/documents'.post")
                .body("responses.'413'.content.'application/problem+json'.examples", notNullValue())
                .body("responses.'415'.content.'application/problem+json'.examples", notNullValue())
                .body("responses.'201'.description", containsString("DICOM"))
                .rootPath("paths.'/api/portal/cases/{id}/messages'.post")
                .body("requestBody.content.'application/json'.examples.message.value", notNullValue())
                .rootPath("paths.'/api/portal/cases/{id}/withdraw'.post")
                .body("responses.'409'.content.'application/problem+json'.examples", notNullValue())
                .rootPath("paths.'/api/inbox/tasks'.get")
                .body("responses.'200'.content.'application/json'.examples.'unassigned intake'.value.items[0].taskKey",
                        org.hamcrest.Matchers.equalTo("IntakeReview"));
    }

    @Test
    void theServedDocumentPassesRedoclysRecommendedRulesWithoutAWarning() throws Exception {
        Redocly.Lint lint = Redocly.lint(served());
        System.out.println("redocly lint " + SERVED + " (recommended rules, redocly.yaml): " + lint.summary());
        assertThat(lint.errors()).as("errors:\n%s", lint.report()).isZero();
        assertThat(lint.warnings()).as("warnings:\n%s", lint.report()).isZero();
    }

    @Test
    void theLintCatchesAnOperationWithoutAnIdOrAnErrorAnswer() throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(Files.readString(served()));
        ObjectNode getCase = (ObjectNode) doc.at("/paths/~1api~1portal~1cases~1{id}/get");
        getCase.remove("operationId");
        ObjectNode responses = (ObjectNode) getCase.path("responses");
        List<String> codes = new ArrayList<>();
        responses.fieldNames().forEachRemaining(codes::add);
        codes.stream().filter(code -> !code.startsWith("2")).forEach(responses::remove);
        Path broken = SERVED.resolveSibling("broken.json");
        Files.writeString(broken, doc.toPrettyString());

        Redocly.Lint lint = Redocly.lint(broken);
        assertThat(lint.byRule()).containsKeys("warn operation-operationId", "warn operation-4xx-response");
    }

    @Test
    void everyOperationIsNamedTaggedSecuredAndTyped() throws Exception {
        JsonNode doc = JSON.readTree(Files.readString(served()));
        List<String> faults = new ArrayList<>();
        Set<String> ids = new TreeSet<>();
        doc.path("paths").fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/api/") && !path.getKey().startsWith("/verify/")) {
                faults.add(path.getKey() + ": not part of the JSON API (pages and dev tools stay out)");
            }
            path.getValue().fields().forEachRemaining(m -> {
                if (!METHODS.contains(m.getKey())) {
                    return;
                }
                JsonNode op = m.getValue();
                String where = m.getKey().toUpperCase() + " " + path.getKey();
                String id = op.path("operationId").asText("");
                if (!id.matches("[a-z][A-Za-z]+") || !ids.add(id)) {
                    faults.add(where + ": operationId '" + id + "' is missing, not camelCase or not unique");
                }
                if (op.path("tags").size() != 1 || !AUDIENCES.contains(op.path("tags").path(0).asText())) {
                    faults.add(where + ": tags " + op.path("tags") + " are not exactly one of " + AUDIENCES);
                }
                if (!op.has("security")) {
                    faults.add(where + ": says nothing of security (security: [] when no token is needed)");
                }
                op.path("responses").fields().forEachRemaining(r -> {
                    JsonNode answer = r.getValue().has("$ref")
                            ? doc.at(r.getValue().path("$ref").asText().substring(1)) : r.getValue();
                    answer.path("content").fields().forEachRemaining(c -> {
                        if (!c.getValue().has("schema")) {
                            faults.add(where + " " + r.getKey() + " " + c.getKey() + ": no schema");
                        }
                        if (r.getKey().matches("[45]..") && !c.getKey().equals(Problem.MEDIA_TYPE)) {
                            faults.add(where + " " + r.getKey() + ": an error answer that is not problem+json");
                        }
                    });
                });
            });
        });
        String guide = Files.readString(Path.of("docs", "api.md"));
        ids.stream().filter(id -> !guide.contains("| `" + id + "` |"))
                .forEach(id -> faults.add(id + ": not in the list of operations of docs/api.md"));
        assertThat(faults).isEmpty();
        assertThat(ids).contains("submitCase", "getCase", "listCases", "listTasks", "claimTask", "completeTask");
    }

    @Test
    void theSnapshotStillHoldsWhatClientsRelyOn() throws Exception {
        JsonNode snapshot = JSON.readTree(Files.readString(SNAPSHOT));
        JsonNode live = JSON.readTree(Files.readString(served()));
        assertThat(ApiCompatibility.breakingChanges(snapshot, live))
                .as("Breaking changes against the committed contract %s. Within /api changes are additive only: a"
                        + " breaking change needs a new path and a deprecation period of the old one (docs/api.md)",
                        SNAPSHOT)
                .isEmpty();
        List<String> differences = new ArrayList<>();
        differences(snapshot, live, "", differences);
        assertThat(differences).as("The document grew or changed compatibly: refresh the contract with `cp %s %s`,"
                + " review the diff and commit it (the tests' client is generated from it). Where they differ", SERVED,
                SNAPSHOT).isEmpty();
    }

    /** The JSON pointers where two documents differ, at most 20. */
    private static void differences(JsonNode was, JsonNode is, String at, List<String> found) {
        if (found.size() >= 20 || was.equals(is)) {
            return;
        }
        if (was.isObject() && is.isObject()) {
            Set<String> names = new TreeSet<>();
            was.fieldNames().forEachRemaining(names::add);
            is.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                differences(was.path(name), is.path(name), at + "/" + name.replace("~", "~0").replace("/", "~1"), found);
            }
        } else if (was.isArray() && is.isArray() && was.size() == is.size()) {
            for (int i = 0; i < was.size(); i++) {
                differences(was.get(i), is.get(i), at + "/" + i, found);
            }
        } else {
            found.add(at + (was.isMissingNode() ? " (new)" : is.isMissingNode() ? " (gone)" : ""));
        }
    }

    @Test
    void theCompatibilityCheckCatchesWhatWouldBreakAClient() throws Exception {
        JsonNode snapshot = JSON.readTree(Files.readString(SNAPSHOT));

        ObjectNode lostOperation = snapshot.deepCopy();
        ((ObjectNode) lostOperation.at("/paths/~1api~1portal~1cases~1{id}")).remove("get");
        ObjectNode lostField = snapshot.deepCopy();
        ((ObjectNode) lostField.at("/components/schemas/PortalCase/properties")).remove("reference");
        ObjectNode lostEnumValue = snapshot.deepCopy();
        ArrayNode statuses = (ArrayNode) lostEnumValue.at("/components/schemas/CaseStatus/enum");
        statuses.remove(statuses.size() - 1);
        ObjectNode changedType = snapshot.deepCopy();
        ((ObjectNode) changedType.at("/components/schemas/Task/properties/priority")).put("type", "string");
        ObjectNode newRequiredField = snapshot.deepCopy();
        ((ArrayNode) newRequiredField.at("/components/schemas/Patient/required")).add("email");
        ObjectNode grown = snapshot.deepCopy();
        ((ObjectNode) grown.at("/components/schemas/PortalCase/properties")).putObject("note").put("type", "string");

        Map<String, List<String>> found = new TreeMap<>();
        Map.of("operation", lostOperation, "field", lostField, "enum value", lostEnumValue, "type", changedType,
                "required field", newRequiredField, "addition", grown)
                .forEach((what, changed) -> found.put(what, ApiCompatibility.breakingChanges(snapshot, changed)));

        assertThat(found.get("operation")).anyMatch(s -> s.startsWith("getCase (GET /api/portal/cases/{id})"));
        assertThat(found.get("field")).anyMatch(s -> s.contains("PortalCase.reference disappeared"));
        assertThat(found.get("enum value")).anyMatch(s -> s.contains("CaseStatus lost the enum value"));
        assertThat(found.get("type")).anyMatch(s -> s.contains("priority changed type from [integer] to [string]"));
        assertThat(found.get("required field")).anyMatch(s -> s.contains("Patient.email became required"));
        assertThat(found.get("addition")).isEmpty();
        assertThat(ApiCompatibility.breakingChanges(snapshot, snapshot)).isEmpty();
    }

    /** The document as served now, also written to target/ for redocly and for refreshing the snapshot. */
    private static Path served() throws IOException {
        String document = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        Files.createDirectories(SERVED.getParent());
        Files.writeString(SERVED, document);
        return SERVED;
    }
}
