package org.ipc.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.File;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ipc.client.ApiClient;
import org.ipc.client.ApiException;
import org.ipc.client.api.InboxApi;
import org.ipc.client.api.ReferringPhysiciansApi;
import org.ipc.client.model.CaseStatus;
import org.ipc.client.model.CaseType;
import org.ipc.client.model.CompletedTask;
import org.ipc.client.model.Document;
import org.ipc.client.model.FieldError;
import org.ipc.client.model.Message;
import org.ipc.client.model.NewCase;
import org.ipc.client.model.NewMessage;
import org.ipc.client.model.PageDocumentView;
import org.ipc.client.model.PagePortalCaseSummary;
import org.ipc.client.model.PageTaskView;
import org.ipc.client.model.Patient;
import org.ipc.client.model.PortalCase;
import org.ipc.client.model.PortalCaseSummary;
import org.ipc.client.model.Problem;
import org.ipc.client.model.StatusEntry;
import org.ipc.client.model.Task;
import org.ipc.client.model.TaskCompletion;
import org.ipc.client.model.Urgency;
import org.ipc.testing.KeycloakProfile;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The first slice walked the way a hospital integrates: through a Java client that openapi-generator made at build
 * time from the committed OpenAPI document ({@code java}, library {@code native}; see pom.xml and docs/api.md), with
 * real Keycloak tokens and no HTTP written by hand. Every answer is read through the generated models, so a document
 * that lies about a path, a field, a type or an error fails here. The walk is printed, one line per call.
 */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
class GeneratedClientTest {

    @TestHTTPResource("/")
    URL root;

    /** The calls as the wire saw them, in order: {@code user METHOD path -> status}. */
    private final List<String> wire = new ArrayList<>();
    private final List<String> walk = new ArrayList<>();

    @Test
    void aGeneratedClientWalksTheFirstSlice() throws Exception {
        ApiClient physicianClient = clientFor("physician");
        long start = System.nanoTime();
        ReferringPhysiciansApi physician = new ReferringPhysiciansApi(physicianClient);
        InboxApi coordinator = new InboxApi(clientFor("coordinator"));

        // the physician submits a case and gets its id and status back
        PortalCase submitted = physician.submitCase(newCase("BR", "America/Sao_Paulo"), UUID.randomUUID().toString());
        step("physician", "submitCase", submitted.getReference() + " " + submitted.getStatus());
        assertThat(submitted.getId()).isNotNull();
        assertThat(submitted.getReference()).matches("IPC-\\d{4}-\\d{6}");
        assertThat(submitted.getStatus()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(submitted.getPatient().getBirthDate()).isEqualTo(LocalDate.of(1968, 4, 2));
        assertThat(submitted.getAcknowledgement().getMessage()).isNotBlank();
        String caseId = submitted.getId().toString();

        // uploads a document
        File labs = Files.writeString(Files.createTempFile(Path.of("target"), "labs-", ".txt"),
                "Synthetic lab values: Hb 13.1 g/dL\n").toFile();
        PageDocumentView stored = physician.uploadDocuments(caseId, UUID.randomUUID().toString(), List.of(labs),
                "LAB_RESULT", "en");
        Document document = stored.getItems().get(0);
        step("physician", "uploadDocuments", document.getKind() + " " + document.getContentType() + ", "
                + document.getSize() + " bytes");
        assertThat(stored.getTotal()).isEqualTo(1L);
        assertThat(document.getId()).isNotNull();
        assertThat(document.getContentType()).startsWith("text/plain");
        assertThat(document.getSha256()).hasSize(64);

        // writes a message
        Message message = physician.postMessage(caseId, new NewMessage().body("Lab values attached."));
        step("physician", "postMessage", "\"" + message.getBody() + "\" by " + message.getAuthorRole());
        assertThat(message.getId()).isNotNull();
        assertThat(message.getAuthorRole()).isEqualTo("physician");

        // lists their cases
        PagePortalCaseSummary own = physician.listCases(ReferringPhysiciansApi.APIListCasesRequest.newBuilder()
                .status(CaseStatus.SUBMITTED).size(100).build());
        step("physician", "listCases", own.getTotal() + " submitted");
        assertThat(own.getItems()).extracting(PortalCaseSummary::getId).contains(submitted.getId());

        // the coordinator finds the task, claims and completes it
        PageTaskView tasks = coordinator.listTasks(InboxApi.APIListTasksRequest.newBuilder().assignee("unassigned")
                .caseId(caseId).build());
        assertThat(tasks.getItems()).hasSize(1);
        Task intake = tasks.getItems().get(0);
        step("coordinator", "listTasks", intake.getTaskKey() + " for " + intake.getCaseReference() + ", due "
                + intake.getDue());
        assertThat(intake.getTaskKey()).isEqualTo("IntakeReview");
        assertThat(intake.getCaseReference()).isEqualTo(submitted.getReference());
        assertThat(intake.getAssignee()).isNull();

        Task claimed = coordinator.claimTask(intake.getId());
        step("coordinator", "claimTask", "held by " + claimed.getAssigneeName());
        assertThat(claimed.getAssignee()).isNotNull();

        CompletedTask completed = coordinator.completeTask(intake.getId(), new TaskCompletion()
                .variables(Map.of("decision", "accept", "recordsComplete", true, "recordsInEnglish", true)));
        step("coordinator", "completeTask", "case now " + completed.getCaseStatus());
        assertThat(completed.getCaseStatus()).isEqualTo(CaseStatus.UNDER_REVIEW);

        // the physician reads the new status
        PortalCase now = physician.getCase(caseId);
        step("physician", "getCase", now.getStatus() + ", history " + now.getHistory().stream()
                .map(StatusEntry::getStatus).toList());
        assertThat(now.getStatus()).isEqualTo(CaseStatus.UNDER_REVIEW);
        assertThat(now.getHistory()).extracting(StatusEntry::getStatus)
                .containsSubsequence(CaseStatus.SUBMITTED, CaseStatus.UNDER_REVIEW);

        // a bad request comes back as a typed problem
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> physician.submitCase(newCase("Brazil", "Mars/Base"), UUID.randomUUID().toString()));
        Problem problem = physicianClient.getObjectMapper().readValue(refused.getResponseBody(),
                Problem.class);
        step("physician", "submitCase", problem.getTitle() + ": " + problem.getErrors().stream()
                .map(FieldError::getField).toList());
        assertThat(refused.getCode()).isEqualTo(400);
        assertThat(refused.getResponseHeaders().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith(org.ipc.api.Problem.MEDIA_TYPE));
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getErrors()).extracting(FieldError::getField)
                .containsExactlyInAnyOrder("patient.countryOfResidence", "patient.timeZone");

        System.out.printf("The first slice through the client generated from src/main/openapi/openapi.json"
                + " (%d calls, %d ms):%n  %s%n", wire.size(), (System.nanoTime() - start) / 1_000_000,
                String.join("\n  ", walk));
        assertThat(wire).hasSize(walk.size());
    }

    /** A client as the integrator sets one up: the service's address, and the user's bearer token on each call. */
    private ApiClient clientFor(String user) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(root.toString().replaceFirst("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + Tokens.of(user)));
        client.setResponseInterceptor(response -> wire.add(describe(response)));
        return client;
    }

    /** {@code 201 POST /api/portal/cases/dcca769d…/documents}: status, method, path with its ids cut short. */
    private static String describe(HttpResponse<?> response) {
        java.net.URI uri = response.request().uri();
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return String.format("%d %-5s %s", response.statusCode(), response.request().method(),
                target.replaceAll("([0-9a-f]{8})-[0-9a-f-]{27}", "$1…"));
    }

    private void step(String user, String operation, String outcome) {
        walk.add(String.format("%-11s %-15s %-70s %s", user, operation, wire.get(wire.size() - 1), outcome));
    }

    private static NewCase newCase(String country, String timeZone) {
        return new NewCase().type(CaseType.SECOND_OPINION).department("cancer-center").urgency(Urgency.ROUTINE)
                .clinicalSummary("Synthetic summary: second opinion on imaging.")
                .patient(new Patient().givenName("Ana").familyName("Souza").birthDate(LocalDate.of(1968, 4, 2))
                        .sex("female").countryOfResidence(country).preferredLanguage("pt-BR")
                        .email("ana.souza@example.org").phone("+5511999999999").timeZone(timeZone).emailConsent(true));
    }
}
