package org.ipc.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Fits the scanned operations into the contract of {@link ApiDocument}, at build time, so that no resource has to
 * repeat it: the document holds the JSON API only ({@code /api/...} and the visa letter check {@code /verify/{code}});
 * the HTML pages ({@code /inbox}, {@code /portal}) and dev-mode helpers stay out, and with them the template engine's
 * types. Every error answer is {@code application/problem+json} with the {@code Problem} schema; every operation
 * lists the problems it can give (400 and 500, 503 always; 401 and 403 with a token; 404 with an id in the path;
 * 413 and 415 with a body; 429 without a role); an operation without a role says so ({@code security: []}); the main
 * answers carry their examples ({@link ApiExamples#ANSWERS}).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiDocumentFilter implements OASFilter {

    /** The problem answers every operation may share, by status (components/responses of {@link ApiDocument}). */
    private static final Map<String, String> SHARED = Map.of("400", ApiDocument.INVALID, "401",
            ApiDocument.UNAUTHORIZED, "403", ApiDocument.FORBIDDEN, "404", ApiDocument.NOT_FOUND, "413",
            ApiDocument.TOO_LARGE, "415", ApiDocument.UNSUPPORTED, "429", ApiDocument.TOO_MANY, "500",
            ApiDocument.FAILED, "503", ApiDocument.UNAVAILABLE);

    /** The paths of the contract; everything else the service serves is a page or a tool. */
    static boolean inContract(String path) {
        return path.startsWith("/api/") || path.startsWith("/verify/");
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Map<String, PathItem> items = api.getPaths().getPathItems();
        Set<String> examplesLeft = new TreeSet<>(ApiExamples.ANSWERS.keySet());
        for (String path : new ArrayList<>(items.keySet())) {
            if (!inContract(path)) {
                api.getPaths().removePathItem(path);
                continue;
            }
            PathItem item = items.get(path);
            item.getOperations().values().forEach(op -> {
                fit(op, path.contains("{"));
                ApiExamples.Answer answer = ApiExamples.ANSWERS.get(op.getOperationId());
                if (answer != null) {
                    example(op, answer);
                    examplesLeft.remove(op.getOperationId());
                }
            });
        }
        if (!examplesLeft.isEmpty()) {
            throw new IllegalStateException("ApiExamples.ANSWERS names operations the document does not have: "
                    + examplesLeft);
        }
    }

    /** The answer's example on the operation's first success answer in JSON. */
    private static void example(Operation op, ApiExamples.Answer answer) {
        MediaType json = op.getResponses().getAPIResponses().entrySet().stream()
                .filter(r -> r.getKey().startsWith("2") && r.getValue().getContent() != null)
                .map(r -> r.getValue().getContent().getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON))
                .filter(m -> m != null && m.getSchema() != null).findFirst()
                .orElseThrow(() -> new IllegalStateException(op.getOperationId() + " has no typed JSON answer for its example"));
        try {
            json.addExample(answer.name(), OASFactory.createExample().value(JSON.readValue(answer.json(), Object.class)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The example of " + op.getOperationId() + " is not JSON", e);
        }
    }

    private static void fit(Operation op, boolean idInPath) {
        boolean secured = op.getSecurity() != null && !op.getSecurity().isEmpty();
        if (!secured) {
            op.setSecurity(new ArrayList<>());
        }
        APIResponses responses = op.getResponses();
        for (String code : new ArrayList<>(responses.getAPIResponses().keySet())) {
            APIResponse own = responses.getAPIResponse(code);
            if (!(code.startsWith("4") || code.startsWith("5")) || own.getRef() != null) {
                continue;
            }
            boolean saysNothing = own.getContent() == null || own.getContent().getMediaTypes().isEmpty();
            if (saysNothing && (code.equals("401") || code.equals("403"))) {
                // Quarkus' own (auto-add-security), which say nothing the shared ones do not
                responses.addAPIResponse(code, OASFactory.createAPIResponse().ref(SHARED.get(code)));
            } else {
                problemContent(own);
            }
        }
        List<String> codes = new ArrayList<>(List.of("400", "500", "503"));
        codes.addAll(secured ? List.of("401", "403") : List.of("429"));
        if (idInPath) {
            codes.add("404");
        }
        if (op.getRequestBody() != null) {
            codes.addAll(List.of("413", "415"));
        }
        for (String code : codes) {
            if (responses.getAPIResponse(code) == null) {
                responses.addAPIResponse(code, OASFactory.createAPIResponse().ref(SHARED.get(code)));
            }
        }
    }

    /** Errors are problem details, whatever media type the operation's own answers have. */
    private static void problemContent(APIResponse response) {
        if (response.getRef() != null) {
            return;
        }
        MediaType problem = response.getContent() == null ? null : response.getContent().getMediaType(Problem.MEDIA_TYPE);
        Content content = OASFactory.createContent();
        content.addMediaType(Problem.MEDIA_TYPE, (problem == null ? OASFactory.createMediaType() : problem)
                .schema(OASFactory.createSchema().ref(ApiDocument.PROBLEM_SCHEMA)));
        response.setContent(content);
    }
}
