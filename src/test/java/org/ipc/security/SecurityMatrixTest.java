package org.ipc.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ipc.testing.CaseRequests;
import org.ipc.testing.Endpoints;
import org.ipc.testing.KeycloakProfile;
import org.ipc.testing.KeycloakResource;
import org.ipc.testing.Portal;
import org.ipc.testing.ProcessDriver;
import org.ipc.testing.SampleFiles;
import org.ipc.testing.Tokens;
import org.ipc.testing.WebSession;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint of the service's OpenAPI document against every role of the real realm: the roles of its row
 * get a 2xx answer on real objects, the others 403, no token 401, and an expired, forged, wrong-audience or
 * other-realm token 401. Endpoints that take an id are also called on objects outside the caller's reach (another
 * physician's case, a task outside the caller's groups): 404, and nothing changes. A new endpoint without a row
 * fails this test. The matrix as measured is written to target/security-matrix.md.
 */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
class SecurityMatrixTest {

    /**
     * The callers: every role of the realm, and two more that prove the object-level rules on every route: the
     * physician who submitted the shared case and one who did not ({@code physician2}), the specialist whose
     * department worked on it and one whose department never did ({@code specialist2}, Neurology).
     */
    private static final String P = "physician", P2 = "physician2", C = "coordinator", S = "specialist",
            S2 = "specialist2", F = "finance", V = "supervisor", A = "admin";
    private static final List<String> ROLES = List.of(P, P2, C, S, S2, F, V, A);
    private static final Set<String> STAFF = Set.of(C, S, S2, F, V);
    private static final Set<String> SIGNED_IN = Set.copyOf(ROLES);
    /** The expected answer "the call succeeds": 2xx for the API, 200 for a page, 303 for a page's form. */
    private static final int OK = 2;
    /** Endpoints that need no token at all. */
    private static final Set<String> ANYONE = Set.of("anyone");
    /** In the test build only; never built into the packaged service (PackagedServiceIT). */
    private static final Set<String> NOT_IN_PRODUCTION = Set.of("GET /dev/token/{user}");
    private static final List<String> BAD_TOKENS = List.of("expired", "forged", "wrong audience", "other realm");

    // the shared case's parts, as access/AccessPolicy gives them out (docs/security.md)
    /** Its conversation and uploads: coordinators, supervisors, its department's specialists; finance 403. */
    private static final Expect CONVERSATION = Expect.allow(C, S, V).but(S2, 404);
    /** A clinical document: as the conversation, but a kind finance does not see is not there for them (404). */
    private static final Expect CLINICAL_DOCUMENT = Expect.allow(C, S, V).but(F, 404).but(S2, 404);
    /** The cost estimate: the money side, not the specialists'. */
    private static final Expect ESTIMATE_DOCUMENT = Expect.allow(C, F, V).but(S, 404).but(S2, 404);
    /** The visa letter, with passport numbers: only those who issue letters. */
    private static final Expect LETTER_DOCUMENT = Expect.allow(C, V).but(S, 404).but(F, 404).but(S2, 404);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How a row reaches its endpoint: with the request (token set or not), the caller's role, and whether the
     * role is allowed (then the call gets an object of its own where the call changes it). */
    @FunctionalInterface
    interface Call {
        Response call(RequestSpecification request, String role, boolean allowed);
    }

    /** How a page row reaches its endpoint for a signed-in browser session. */
    @FunctionalInterface
    interface PageCall {
        HttpResponse<String> call(WebSession session, String role, boolean allowed);
    }

    /** The answer each caller should get on a row: {@link #OK} or a status, per caller. */
    record Expect(Map<String, Integer> cells, boolean anyone) {

        /** Success for these callers, 403 for every other (the role check); {@code ANYONE} needs no token. */
        static Expect allow(Set<String> callers) {
            Map<String, Integer> cells = new LinkedHashMap<>();
            boolean everyone = callers == ANYONE || callers == SIGNED_IN;
            ROLES.forEach(role -> cells.put(role, everyone || callers.contains(role) ? OK : 403));
            return new Expect(cells, callers == ANYONE);
        }

        static Expect allow(String... callers) {
            return allow(Set.of(callers));
        }

        /** The physician's own case: its physician succeeds, another physician gets 404 (as for a missing case). */
        static Expect ownCase() {
            return allow(P).but(P2, 404);
        }

        Expect but(String caller, int status) {
            Map<String, Integer> changed = new LinkedHashMap<>(cells);
            changed.put(caller, status);
            return new Expect(changed, anyone);
        }

        int of(String caller) {
            return cells.get(caller);
        }

        boolean succeeds(String caller) {
            return of(caller) == OK;
        }
    }

    /** One row of the table: a route, the object it is called on when that is not obvious, and its answers. */
    record Row(String method, String path, String object, Expect expect, Call api, PageCall page) {
        String key() {
            return method + " " + path;
        }

        String label() {
            return object == null ? key() : key() + " (" + object + ")";
        }
    }

    @Inject
    ProcessDriver process;

    @Inject
    org.ipc.testing.FailingJobs failing;

    @TestHTTPResource("/")
    URL root;

    @ConfigProperty(name = KeycloakResource.URL_PROPERTY)
    String keycloak;

    private String sharedCase;
    private String sharedDoc;
    private String sharedEstimateDoc;
    private String sharedLetterDoc;
    private String sharedLetter;
    private String sharedCode;
    private String otherPhysiciansDoc;
    private final Map<String, String> readableTask = new HashMap<>();
    private final Map<String, WebSession> sessions = new HashMap<>();
    private final Map<String, String> badTokens = new LinkedHashMap<>();

    private List<Row> matrix() {
        return List.of(
                api("POST", "/api/portal/cases", Expect.allow(P, P2), (r, role, ok) -> r.contentType(ContentType.JSON)
                        .body(CaseRequests.secondOpinion()).post("/api/portal/cases")),
                api("GET", "/api/portal/cases", Expect.allow(P, P2), (r, role, ok) -> r.get("/api/portal/cases")),
                api("GET", "/api/portal/cases/{id}", Expect.ownCase(), (r, role, ok) -> r.get(portal(sharedCase))),
                api("POST", "/api/portal/cases/{id}/withdraw", Expect.ownCase(),
                        (r, role, ok) -> r.post(portal(ok ? Portal.submit(P) : sharedCase) + "/withdraw")),
                api("POST", "/api/portal/cases/{id}/documents", Expect.ownCase(), (r, role, ok) -> upload(r, portal(sharedCase))),
                api("GET", "/api/portal/cases/{id}/documents", Expect.ownCase(),
                        (r, role, ok) -> r.get(portal(sharedCase) + "/documents")),
                api("GET", "/api/portal/cases/{id}/documents/{docId}", Expect.ownCase(),
                        (r, role, ok) -> r.get(portal(sharedCase) + "/documents/" + sharedDoc)),
                api("POST", "/api/portal/cases/{id}/messages", Expect.ownCase(), (r, role, ok) -> r.contentType(ContentType.JSON)
                        .body(Map.of("body", "Any news?")).post(portal(sharedCase) + "/messages")),
                api("GET", "/api/portal/cases/{id}/messages", Expect.ownCase(),
                        (r, role, ok) -> r.get(portal(sharedCase) + "/messages")),
                api("OPTIONS", "/api/portal/cases/{id}/uploads", Expect.allow(P, P2),
                        (r, role, ok) -> r.options(portal(sharedCase) + "/uploads")),
                api("POST", "/api/portal/cases/{id}/uploads", Expect.ownCase(),
                        (r, role, ok) -> announce(r, TUS_TEXT.length).post(portal(sharedCase) + "/uploads")),
                api("HEAD", "/api/portal/cases/{id}/uploads/{uploadId}", Expect.ownCase(),
                        (r, role, ok) -> r.header("Tus-Resumable", "1.0.0").head(sharedUpload())),
                api("PATCH", "/api/portal/cases/{id}/uploads/{uploadId}", Expect.ownCase(),
                        (r, role, ok) -> piece(r).patch(ok ? tusUpload() : sharedUpload())),
                api("POST", "/api/portal/cases/{id}/uploads/{uploadId}", Expect.ownCase(), (r, role, ok) -> piece(r)
                        .header("X-HTTP-Method-Override", "PATCH").post(ok ? tusUpload() : sharedUpload())),
                api("DELETE", "/api/portal/cases/{id}/uploads/{uploadId}", Expect.ownCase(), (r, role, ok) -> r
                        .header("Tus-Resumable", "1.0.0").delete(ok ? tusUpload() : sharedUpload())),

                api("GET", "/api/cases/{id}", Set.of(C, V), (r, role, ok) -> r.get(staff(sharedCase))),
                api("GET", "/api/cases/{id}/diagram", Set.of(C, V), (r, role, ok) -> r.get(staff(sharedCase) + "/diagram")),
                api("POST", "/api/cases/{id}/owner", Set.of(V), (r, role, ok) -> r.contentType(ContentType.JSON)
                        .body(Map.of("userId", ok ? signedIn(C) : "a-colleague"))
                        .post(staff(ok ? Portal.submit(P) : sharedCase) + "/owner")),
                api("POST", "/api/cases/{id}/deposit", Set.of(F),
                        (r, role, ok) -> r.post(staff(ok ? depositPaid() : sharedCase) + "/deposit")),
                api("POST", "/api/cases/{id}/arrival", Set.of(C, V),
                        (r, role, ok) -> r.post(staff(ok ? walkToArrival() : sharedCase) + "/arrival")),
                // the shared case: Cancer Center, its medical review done by the department, finance at its estimate;
                // a specialist of another department does not reach it (404), finance sees only its money side (403)
                api("POST", "/api/cases/{id}/messages", CONVERSATION, (r, role, ok) -> r.contentType(ContentType.JSON)
                        .body(Map.of("body", "We have your records.")).post(staff(sharedCase) + "/messages")),
                api("GET", "/api/cases/{id}/messages", CONVERSATION,
                        (r, role, ok) -> r.get(staff(sharedCase) + "/messages")),
                api("POST", "/api/cases/{id}/documents", CONVERSATION,
                        (r, role, ok) -> upload(r.multiPart("kind", "TRANSLATION"), staff(sharedCase))),
                api("GET", "/api/cases/{id}/documents", Expect.allow(C, S, F, V).but(S2, 404),
                        (r, role, ok) -> r.get(staff(sharedCase) + "/documents")),
                api("GET", "/api/cases/{id}/documents/{docId}", "the physician's record", CLINICAL_DOCUMENT,
                        (r, role, ok) -> r.get(staff(sharedCase) + "/documents/" + sharedDoc)),
                api("GET", "/api/cases/{id}/documents/{docId}", "the cost estimate", ESTIMATE_DOCUMENT,
                        (r, role, ok) -> r.get(staff(sharedCase) + "/documents/" + sharedEstimateDoc)),
                api("GET", "/api/cases/{id}/documents/{docId}", "the visa letter", LETTER_DOCUMENT,
                        (r, role, ok) -> r.get(staff(sharedCase) + "/documents/" + sharedLetterDoc)),

                api("POST", "/api/cases/{id}/estimates", Set.of(F), (r, role, ok) -> r.contentType(ContentType.JSON)
                        .body(estimate()).post(staff(sharedCase) + "/estimates")),
                api("GET", "/api/cases/{id}/estimates", Set.of(F, C, V), (r, role, ok) -> r.get(staff(sharedCase) + "/estimates")),
                api("GET", "/api/cases/{id}/estimates/{revision}", Set.of(F, C, V),
                        (r, role, ok) -> r.get(staff(sharedCase) + "/estimates/1")),
                api("POST", "/api/cases/{id}/payments", Set.of(F), (r, role, ok) -> r.contentType(ContentType.JSON)
                        .body(Map.of("amount", "100", "currency", "USD", "receivedOn", LocalDate.now().minusDays(1).toString(),
                                "reference", "FT-" + java.util.UUID.randomUUID()))
                        .post(staff(sharedCase) + "/payments")),
                api("GET", "/api/cases/{id}/payments", Set.of(F, C, V), (r, role, ok) -> r.get(staff(sharedCase) + "/payments")),
                api("POST", "/api/cases/{id}/visa-letters", Set.of(C, V), (r, role, ok) -> r.contentType(ContentType.JSON)
                        .body(visaLetter()).post(staff(sharedCase) + "/visa-letters")),
                api("GET", "/api/cases/{id}/visa-letters", Set.of(C, V), (r, role, ok) -> r.get(staff(sharedCase) + "/visa-letters")),
                api("POST", "/api/cases/{id}/visa-letters/{letterId}/revoke", Set.of(C, V),
                        (r, role, ok) -> r.contentType(ContentType.JSON).body(Map.of("reason", "The plan changed."))
                                .post(staff(sharedCase) + "/visa-letters/" + (ok ? newLetter() : sharedLetter) + "/revoke")),
                api("PUT", "/api/cases/{id}/itinerary", Set.of(C, V), (r, role, ok) -> r.contentType(ContentType.JSON)
                        .body(itinerary()).put(staff(sharedCase) + "/itinerary")),
                api("GET", "/api/cases/{id}/itinerary", Set.of(C, V), (r, role, ok) -> r.get(staff(sharedCase) + "/itinerary")),
                api("GET", "/api/cases/{id}/itinerary/patient-view", Set.of(C, V),
                        (r, role, ok) -> r.get(staff(sharedCase) + "/itinerary/patient-view")),
                api("GET", "/api/cases/{id}/itinerary/calendar", Set.of(C, V),
                        (r, role, ok) -> r.get(staff(sharedCase) + "/itinerary/calendar")),
                api("GET", "/verify/{code}", ANYONE, (r, role, ok) -> r.accept(ContentType.JSON).get("/verify/" + sharedCode)),
                api("POST", "/api/admin/data-keys/reseal", Set.of(A), (r, role, ok) -> r.post("/api/admin/data-keys/reseal")),

                api("GET", "/api/inbox/tasks", STAFF, (r, role, ok) -> r.get("/api/inbox/tasks")),
                api("GET", "/api/inbox/tasks/queues", STAFF, (r, role, ok) -> r.get("/api/inbox/tasks/queues")),
                api("GET", "/api/inbox/tasks/{id}", STAFF, (r, role, ok) -> r.get(task(readable(role, ok)))),
                api("POST", "/api/inbox/tasks/{id}/claim", STAFF, (r, role, ok) -> r.post(task(fresh(role, ok)) + "/claim")),
                api("POST", "/api/inbox/tasks/{id}/unclaim", STAFF,
                        (r, role, ok) -> r.post(task(claimed(role, ok)) + "/unclaim")),
                api("POST", "/api/inbox/tasks/{id}/complete", STAFF, (r, role, ok) -> {
                    String id = claimed(role, ok);
                    return r.contentType(ContentType.JSON).body(Map.of("variables", answers(id)))
                            .post(task(id) + "/complete");
                }),
                // handed to the holder themselves: the one colleague sure to work every role's task in the demo realm
                api("POST", "/api/inbox/tasks/{id}/delegate", STAFF, (r, role, ok) -> r.contentType(ContentType.JSON)
                        .body(Map.of("userId", ok ? signedIn(role) : "a-colleague"))
                        .post(task(claimed(role, ok)) + "/delegate")),
                api("POST", "/api/inbox/tasks/{id}/follow-up", STAFF, (r, role, ok) -> r.contentType(ContentType.JSON)
                        .body(Map.of("followUp", inAWeek())).post(task(claimed(role, ok)) + "/follow-up")),
                api("POST", "/api/inbox/tasks/bulk", STAFF, (r, role, ok) -> r.contentType(ContentType.JSON)
                        .body(Map.of("action", "claim", "taskIds", List.of(fresh(role, ok)))).post("/api/inbox/tasks/bulk")),
                api("GET", "/api/inbox/filters", STAFF, (r, role, ok) -> r.get("/api/inbox/filters")),
                api("POST", "/api/inbox/filters", STAFF, (r, role, ok) -> r.contentType(ContentType.JSON)
                        .body(Map.of("name", filterName(role))).post("/api/inbox/filters")),
                api("GET", "/api/inbox/filters/{id}", STAFF, (r, role, ok) -> r.get("/api/inbox/filters/" + ownFilter(role, ok))),
                api("PUT", "/api/inbox/filters/{id}", STAFF, (r, role, ok) -> r.contentType(ContentType.JSON)
                        .body(Map.of("name", filterName(role))).put("/api/inbox/filters/" + ownFilter(role, ok))),
                api("DELETE", "/api/inbox/filters/{id}", STAFF,
                        (r, role, ok) -> r.delete("/api/inbox/filters/" + ownFilter(role, ok))),
                api("GET", "/api/staff", STAFF, (r, role, ok) -> r.get("/api/staff")),
                api("GET", "/api/staff/me/notices", STAFF, (r, role, ok) -> r.get("/api/staff/me/notices")),
                api("PUT", "/api/staff/me/notices", STAFF, (r, role, ok) -> r.contentType(ContentType.JSON)
                        .body(Map.of("taskAssigned", false, "physicianMessage", false)).put("/api/staff/me/notices")),
                api("GET", "/api/staff/absences", STAFF, (r, role, ok) -> r.get("/api/staff/absences")),
                api("POST", "/api/staff/absences", STAFF, (r, role, ok) -> r.contentType(ContentType.JSON)
                        .body(absenceOf(role, ok)).post("/api/staff/absences")),
                api("GET", "/api/staff/absences/{id}", STAFF,
                        (r, role, ok) -> r.get("/api/staff/absences/" + recordedAbsence(role, ok))),
                api("POST", "/api/staff/absences/{id}/end", STAFF,
                        (r, role, ok) -> r.post("/api/staff/absences/" + recordedAbsence(role, ok) + "/end")),
                api("POST", "/api/staff/absences/{id}/hand-over", STAFF,
                        (r, role, ok) -> r.post("/api/staff/absences/" + recordedAbsence(role, ok) + "/hand-over")),

                api("GET", "/api/audit", Set.of(A), (r, role, ok) -> r.get("/api/audit")),
                api("POST", "/api/admin/work-items/rebuild", Set.of(A),
                        (r, role, ok) -> r.post("/api/admin/work-items/rebuild")),
                api("GET", "/api/admin/incidents", Set.of(A), (r, role, ok) -> r.get("/api/admin/incidents")),
                // an admin retries a job that really failed; the others are refused before any look-up
                api("POST", "/api/admin/incidents/{id}/retry", Set.of(A), (r, role, ok) -> r.post("/api/admin/incidents/"
                        + (ok ? failing.failForGood(Portal.submit(P)) : "no-such-incident") + "/retry")),
                api("GET", "/api/departments", SIGNED_IN, (r, role, ok) -> r.get("/api/departments")),
                api("GET", "/api/office-hours", ANYONE, (r, role, ok) -> r.get("/api/office-hours?tz=Asia/Dubai")),
                api("GET", "/api/office-hours/deadline", ANYONE,
                        (r, role, ok) -> r.get("/api/office-hours/deadline?from=2026-11-20T16:00:00-05:00&duration=P1D")),

                page("GET", "/inbox", STAFF, (s, role, ok) -> s.get("/inbox")),
                page("GET", "/inbox/tasks/{id}", STAFF, (s, role, ok) -> s.get("/inbox/tasks/" + readable(role, ok))),
                page("POST", "/inbox/tasks/{id}/claim", STAFF,
                        (s, role, ok) -> s.post("/inbox/tasks/" + fresh(role, ok) + "/claim", csrf(s, role))),
                page("POST", "/inbox/tasks/{id}/unclaim", STAFF,
                        (s, role, ok) -> s.post("/inbox/tasks/" + claimed(role, ok) + "/unclaim", csrf(s, role))),
                page("POST", "/inbox/tasks/{id}/complete", STAFF, (s, role, ok) -> {
                    String id = claimed(role, ok);
                    Map<String, String> form = new HashMap<>(csrf(s, role));
                    answers(id).forEach((k, v) -> form.put(k, String.valueOf(v)));
                    return s.post("/inbox/tasks/" + id + "/complete", form);
                }),
                page("GET", "/inbox/counts", STAFF, (s, role, ok) -> s.get("/inbox/counts")),
                page("POST", "/inbox/tasks/bulk", STAFF, (s, role, ok) -> {
                    Map<String, String> form = new HashMap<>(csrf(s, role));
                    form.put("action", "claim");
                    form.put("task", fresh(role, ok));
                    return s.post("/inbox/tasks/bulk", form);
                }),
                page("POST", "/inbox/tasks/{id}/follow-up", STAFF, (s, role, ok) -> {
                    Map<String, String> form = new HashMap<>(csrf(s, role));
                    form.put("followUp", inAWeek());
                    return s.post("/inbox/tasks/" + claimed(role, ok) + "/follow-up", form);
                }),
                page("POST", "/inbox/tasks/{id}/delegate", STAFF, (s, role, ok) -> {
                    Map<String, String> form = new HashMap<>(csrf(s, role));
                    form.put("userId", ok ? signedIn(role) : "a-colleague");
                    return s.post("/inbox/tasks/" + claimed(role, ok) + "/delegate", form);
                }),
                // finance's tasks are on the money side: no conversation from beside them
                page("POST", "/inbox/tasks/{id}/messages", Expect.allow(C, S, S2, V).but(F, 403), (s, role, ok) -> {
                    Map<String, String> form = new HashMap<>(csrf(s, role));
                    form.put("body", "We have your records.");
                    return s.post("/inbox/tasks/" + readable(role, ok) + "/messages", form);
                }),
                page("GET", "/inbox/filters", STAFF, (s, role, ok) -> s.get("/inbox/filters")),
                page("POST", "/inbox/filters", STAFF, (s, role, ok) -> {
                    Map<String, String> form = new HashMap<>(csrf(s, role));
                    form.put("name", filterName(role));
                    return s.post("/inbox/filters", form);
                }),
                page("POST", "/inbox/filters/{id}/delete", STAFF,
                        (s, role, ok) -> s.post("/inbox/filters/" + ownFilter(role, ok) + "/delete", csrf(s, role))),
                page("GET", "/inbox/cases/{id}/documents/{docId}", "the physician's record", CLINICAL_DOCUMENT,
                        (s, role, ok) -> s.get("/inbox/cases/" + sharedCase + "/documents/" + sharedDoc)),
                page("GET", "/inbox/cases/{id}/documents/{docId}", "the visa letter", LETTER_DOCUMENT,
                        (s, role, ok) -> s.get("/inbox/cases/" + sharedCase + "/documents/" + sharedLetterDoc)),
                page("GET", "/inbox/cases/{id}", Expect.allow(C, S, F, V).but(S2, 404),
                        (s, role, ok) -> s.get("/inbox/cases/" + sharedCase)),
                page("POST", "/inbox/cases/{id}/messages", CONVERSATION, (s, role, ok) -> {
                    Map<String, String> form = new HashMap<>(csrf(s, role));
                    form.put("body", "We have your records.");
                    return s.post("/inbox/cases/" + sharedCase + "/messages", form);
                }),

                page("GET", "/portal", Expect.allow(P, P2), (s, role, ok) -> pages(role).get("/portal")),
                page("GET", "/portal/cases/new", Expect.allow(P, P2), (s, role, ok) -> pages(role).get("/portal/cases/new")),
                page("POST", "/portal/cases", Expect.allow(P, P2), (s, role, ok) -> {
                    Map<String, String> form = new HashMap<>(pagesCsrf(role));
                    form.putAll(Map.of("type", "SECOND_OPINION", "department", "cancer-center", "urgency", "ROUTINE",
                            "clinicalSummary", "Synthetic summary.", "givenName", "Ana", "familyName", "Souza",
                            "birthDate", "1968-04-02", "sex", "female", "countryOfResidence", "BR"));
                    form.putAll(Map.of("preferredLanguage", "pt-BR", "timeZone", "America/Sao_Paulo"));
                    return pages(role).post("/portal/cases", form);
                }),
                page("GET", "/portal/cases/{id}", Expect.ownCase(), (s, role, ok) -> pages(role).get("/portal/cases/" + sharedCase)),
                page("POST", "/portal/cases/{id}/messages", Expect.ownCase(), (s, role, ok) -> {
                    Map<String, String> form = new HashMap<>(pagesCsrf(role));
                    form.put("body", "Any news?");
                    return pages(role).post("/portal/cases/" + sharedCase + "/messages", form);
                }),
                page("POST", "/portal/cases/{id}/documents", Expect.ownCase(), (s, role, ok) -> pages(role).postFile(
                        "/portal/cases/" + sharedCase + "/documents", pagesCsrf(role), "records.pdf", "application/pdf",
                        SampleFiles.pdf())),
                page("GET", "/portal/cases/{id}/documents/{docId}", Expect.ownCase(),
                        (s, role, ok) -> pages(role).get("/portal/cases/" + sharedCase + "/documents/" + sharedDoc)),
                page("GET", "/portal/cases/{id}/withdraw", Expect.ownCase(),
                        (s, role, ok) -> pages(role).get("/portal/cases/" + sharedCase + "/withdraw")),
                page("POST", "/portal/cases/{id}/withdraw", Expect.ownCase(), (s, role, ok) -> pages(role).post(
                        "/portal/cases/" + (ok ? Portal.submit(P) : sharedCase) + "/withdraw", pagesCsrf(role))),
                page("GET", "/portal/settings", Expect.allow(P, P2), (s, role, ok) -> pages(role).get("/portal/settings")),
                page("POST", "/portal/settings", Expect.allow(P, P2), (s, role, ok) -> {
                    Map<String, String> form = new HashMap<>(pagesCsrf(role));
                    form.put("language", "en");
                    return pages(role).post("/portal/settings", form);
                }),
                page("OPTIONS", "/portal/uploads/{id}", Expect.allow(P, P2),
                        (s, role, ok) -> pages(role).call("OPTIONS", "/portal/uploads/" + sharedCase, Map.of(), null)),
                page("POST", "/portal/uploads/{id}", Expect.ownCase(), (s, role, ok) -> pages(role).call("POST",
                        "/portal/uploads/" + sharedCase, pageTus(role, Map.of("Upload-Length",
                                String.valueOf(TUS_TEXT.length), "Upload-Metadata", TUS_METADATA)), null)),
                page("HEAD", "/portal/uploads/{id}/{uploadId}", Expect.ownCase(), (s, role, ok) -> pages(role).call("HEAD",
                        pageUpload(sharedUpload()), pageTus(role, Map.of()), null)),
                page("PATCH", "/portal/uploads/{id}/{uploadId}", Expect.ownCase(), (s, role, ok) -> pages(role).call("PATCH",
                        pageUpload(ok ? tusUpload() : sharedUpload()), pageTus(role, Map.of("Content-Type",
                                "application/offset+octet-stream", "Upload-Offset", "0")), TUS_TEXT)),
                page("POST", "/portal/uploads/{id}/{uploadId}", Expect.ownCase(), (s, role, ok) -> pages(role).call("POST",
                        pageUpload(ok ? tusUpload() : sharedUpload()), pageTus(role, Map.of("Content-Type",
                                "application/offset+octet-stream", "Upload-Offset", "0", "X-HTTP-Method-Override",
                                "PATCH")), TUS_TEXT)),
                page("DELETE", "/portal/uploads/{id}/{uploadId}", Expect.ownCase(), (s, role, ok) -> pages(role).call(
                        "DELETE", pageUpload(ok ? tusUpload() : sharedUpload()), pageTus(role, Map.of()), null)));
    }

    // ---- the physicians' pages and resumable uploads ----------------------------------------------------------

    private static final byte[] TUS_TEXT = "Synthetic lab values.\n".getBytes(StandardCharsets.UTF_8);
    private static final String TUS_METADATA = "filename " + Base64.getEncoder().encodeToString(
            "labs.txt".getBytes(StandardCharsets.UTF_8)) + ",filetype " + Base64.getEncoder().encodeToString(
            "text/plain".getBytes(StandardCharsets.UTF_8));
    private final Map<String, WebSession> pageSessions = new HashMap<>();
    private String sharedUpload;

    /** A session signed in at the physicians' pages (a staff role lands on 403 there). */
    private WebSession pages(String user) {
        return pageSessions.computeIfAbsent(user, u -> WebSession.signIn(URI.create(root.toString()), u, "/portal", "en"));
    }

    /** The pages' CSRF field for a physician; a role that may not open the pages has none and sends none. */
    private Map<String, String> pagesCsrf(String role) {
        return P.equals(role) || P2.equals(role) ? Map.of("csrf-token", pages(role).csrfField("/portal/settings"))
                : Map.of();
    }

    /** tus headers the pages' script sends: the version and, for a physician, the CSRF value. */
    private Map<String, String> pageTus(String role, Map<String, String> more) {
        Map<String, String> headers = new HashMap<>(more);
        headers.put("Tus-Resumable", "1.0.0");
        pagesCsrf(role).values().forEach(value -> headers.put("X-CSRF-Token", value));
        return headers;
    }

    private static RequestSpecification announce(RequestSpecification request, int length) {
        return request.header("Tus-Resumable", "1.0.0").header("Upload-Length", String.valueOf(length))
                .header("Upload-Metadata", TUS_METADATA);
    }

    private static RequestSpecification piece(RequestSpecification request) {
        return request.header("Tus-Resumable", "1.0.0").header("Upload-Offset", "0")
                .contentType("application/offset+octet-stream").body(TUS_TEXT);
    }

    /** A new upload of the shared case, by the physician: its path under the API. */
    private String tusUpload() {
        String location = announce(as(P), TUS_TEXT.length).post(portal(sharedCase) + "/uploads").then()
                .statusCode(201).extract().header("Location");
        return URI.create(location).getPath();
    }

    /** One upload every refused role is tried on, and nothing may change it. */
    private String sharedUpload() {
        if (sharedUpload == null) {
            sharedUpload = tusUpload();
        }
        return sharedUpload;
    }

    /** The same upload under the pages. */
    private static String pageUpload(String apiPath) {
        return apiPath.replaceFirst("^/api/portal/cases/([^/]+)/uploads/", "/portal/uploads/$1/");
    }

    @Test
    void everyEndpointAnswersEachRoleAndEveryBadTokenAsItsRowSays() throws Exception {
        prepare();
        List<Row> rows = matrix();
        assertEveryEndpointHasARow(rows);

        Map<String, Map<String, Integer>> measured = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Integer> answers = new LinkedHashMap<>();
            measured.put(row.label(), answers);
            if (row.api() != null) {
                record(answers, failures, row, "no token", row.api().call(given(), null, false).statusCode(),
                        row.expect().anyone() ? 200 : 401, 2);
                if (!row.expect().anyone()) {
                    badTokens.forEach((name, token) -> record(answers, failures, row, name,
                            row.api().call(given().auth().oauth2(token), null, false).statusCode(), 401, 2));
                }
                for (String role : ordered(row)) {
                    boolean succeeds = row.expect().succeeds(role);
                    int status = row.api().call(given().auth().oauth2(Tokens.of(role)), role, succeeds).statusCode();
                    record(answers, failures, row, role, status, row.expect().of(role), 2);
                }
            } else {
                int status = given().redirects().follow(false).when().request(row.method(),
                        row.path().replace("{id}", sharedCase).replace("{docId}", sharedDoc)
                                .replaceAll("\\{[A-Za-z]+\\}", "none")).then().extract().statusCode();
                record(answers, failures, row, "no token", status, 302, 2);
                int success = row.path().startsWith("/portal/uploads") ? 2 : row.method().equals("POST") ? 303 : 200;
                for (String role : ordered(row)) {
                    boolean succeeds = row.expect().succeeds(role);
                    int answer = row.page().call(session(role), role, succeeds).statusCode();
                    record(answers, failures, row, role, answer, row.expect().of(role), success);
                }
            }
        }
        List<String> objectChecks = objectLevelChecks(failures);
        writeMatrix(rows, measured, objectChecks);
        assertThat(failures).as("answers that differ from the matrix (see target/security-matrix.md)").isEmpty();
        assertThat(objectChecks).hasSizeGreaterThanOrEqualTo(20);
    }

    /** Another physician's case, a task outside the caller's groups: each answers 404 and changes nothing. */
    private List<String> objectLevelChecks(List<String> failures) {
        List<String> checks = new ArrayList<>();
        String caseId = Portal.submit(P);
        String doc = uploadId(P, caseId);
        Map<String, Response> portal = new LinkedHashMap<>();
        portal.put("GET /api/portal/cases/{id}", as("physician2").get(portal(caseId)));
        portal.put("POST /api/portal/cases/{id}/withdraw", as("physician2").post(portal(caseId) + "/withdraw"));
        portal.put("POST /api/portal/cases/{id}/documents", upload(as("physician2"), portal(caseId)));
        portal.put("GET /api/portal/cases/{id}/documents", as("physician2").get(portal(caseId) + "/documents"));
        portal.put("GET /api/portal/cases/{id}/documents/{docId}",
                as("physician2").get(portal(caseId) + "/documents/" + doc));
        portal.put("POST /api/portal/cases/{id}/messages", as("physician2").contentType(ContentType.JSON)
                .body(Map.of("body", "Mine now?")).post(portal(caseId) + "/messages"));
        portal.put("GET /api/portal/cases/{id}/messages", as("physician2").get(portal(caseId) + "/messages"));
        portal.forEach((endpoint, r) -> check(checks, failures, "physician2 on physician's case: " + endpoint, r.statusCode()));
        check(checks, failures, "physician on physician2's document through an own case: GET /api/portal/cases/{id}/documents/{docId}",
                as(P).get(portal(caseId) + "/documents/" + otherPhysiciansDoc).statusCode());
        as(P).get(portal(caseId)).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("SUBMITTED"));
        as(P).get(portal(caseId) + "/documents").then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(1));
        as(P).get(portal(caseId) + "/messages").then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(0));

        // a Spanish-speaking patient's intake task (queue coordinator:es): coordinator2 speaks en, pt, ar
        String spanish = Portal.submit(P, "SECOND_OPINION", Map.of("preferredLanguage", "es"));
        String esTask = process.task(spanish, "IntakeReview").getId();
        taskChecks(checks, failures, "coordinator2 on a coordinator:es task", "coordinator2", esTask);
        // a Cancer Center specialist task (queue specialist:cancer-center): specialist2 is in Neurology
        String cancerTask = fresh(S, true);
        taskChecks(checks, failures, "specialist2 on a specialist:cancer-center task", "specialist2", cancerTask);
        // a finance task for a coordinator, a coordinator task for finance
        taskChecks(checks, failures, "coordinator on a finance task", C, fresh(F, true));
        // the same task through the inbox page
        WebSession colleague = session("coordinator2");
        Map<String, String> csrf = Map.of("csrf-token", colleague.csrfField("/inbox/tasks/" + fresh(C, true)));
        check(checks, failures, "coordinator2 on a coordinator:es task: GET /inbox/tasks/{id}",
                colleague.get("/inbox/tasks/" + esTask).statusCode());
        check(checks, failures, "coordinator2 on a coordinator:es task: POST /inbox/tasks/{id}/claim",
                colleague.post("/inbox/tasks/" + esTask + "/claim", csrf).statusCode());
        check(checks, failures, "coordinator2 on a coordinator:es task: POST /inbox/tasks/{id}/unclaim",
                colleague.post("/inbox/tasks/" + esTask + "/unclaim", csrf).statusCode());
        check(checks, failures, "coordinator2 on a coordinator:es task: POST /inbox/tasks/{id}/complete",
                colleague.post("/inbox/tasks/" + esTask + "/complete", csrf).statusCode());
        assertThat(process.task(spanish, "IntakeReview").getId()).as("the task is still open").isEqualTo(esTask);
        assertThat(process.task(spanish, "IntakeReview").getAssignee()).isNull();
        // while the one who may see it does
        as(C).get(task(esTask)).then().statusCode(200);
        return checks;
    }

    private void taskChecks(List<String> checks, List<String> failures, String what, String user, String taskId) {
        check(checks, failures, what + ": GET /api/inbox/tasks/{id}", as(user).get(task(taskId)).statusCode());
        check(checks, failures, what + ": POST /api/inbox/tasks/{id}/claim", as(user).post(task(taskId) + "/claim").statusCode());
        check(checks, failures, what + ": POST /api/inbox/tasks/{id}/unclaim", as(user).post(task(taskId) + "/unclaim").statusCode());
        check(checks, failures, what + ": POST /api/inbox/tasks/{id}/complete", as(user).contentType(ContentType.JSON)
                .body(Map.of("variables", Map.of())).post(task(taskId) + "/complete").statusCode());
        check(checks, failures, what + ": POST /api/inbox/tasks/{id}/delegate", as(user).contentType(ContentType.JSON)
                .body(Map.of("userId", user)).post(task(taskId) + "/delegate").statusCode());
        List<Map<String, Object>> listed = as(user).get("/api/inbox/tasks?size=100").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertThat(listed).extracting(t -> t.get("id")).as(what + ": not listed").doesNotContain(taskId);
        assertThat(process.taskById(taskId).getAssignee()).as(what + ": still unassigned").isNull();
    }

    private static void check(List<String> checks, List<String> failures, String what, int status) {
        checks.add(what + " → " + status);
        if (status != 404) {
            failures.add(what + ": expected 404, got " + status);
        }
    }

    // ---- fixtures --------------------------------------------------------------------------------------------

    private void prepare() throws Exception {
        // first the token that must have expired before the rows start: the fixtures below fill the wait
        String tokens = keycloak + "/realms/%s/protocol/openid-connect/token";
        String expiring = Tokens.fetch(tokens.formatted("ipc"), "ipc-test-expiring", P);
        // a Cancer Center treatment case: the department's medical review done, finance at its estimate
        sharedCase = Portal.submit(P, "TREATMENT");
        process.complete(sharedCase, "IntakeReview", C, Map.of("decision", "accept", "visaLetterNeeded", true));
        process.complete(sharedCase, "MedicalReview", S, Map.of("medicalDecision", "accept",
                "medicalReason", "We can treat this."));
        sharedDoc = uploadId(P, sharedCase);
        sharedEstimateDoc = as(F).contentType(ContentType.JSON).body(estimate()).post(staff(sharedCase) + "/estimates")
                .then().statusCode(201).extract().path("documentId");
        Response letter = as(C).contentType(ContentType.JSON).body(visaLetter()).post(staff(sharedCase) + "/visa-letters");
        letter.then().statusCode(201);
        sharedLetter = letter.path("id");
        sharedCode = letter.path("verificationCode");
        sharedLetterDoc = letter.path("documentId");
        otherPhysiciansDoc = uploadId("physician2", Portal.submit("physician2"));
        String[] genuine = Tokens.of(P).split("\\.");
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(genuine[1]));
        ((com.fasterxml.jackson.databind.node.ObjectNode) claims).putObject("realm_access").putArray("roles")
                .add("physician").add("coordinator").add("specialist").add("finance").add("supervisor").add("admin");
        badTokens.put("expired", expiring);
        badTokens.put("forged", genuine[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + "." + genuine[2]);
        badTokens.put("wrong audience", Tokens.fetch(tokens.formatted("ipc"), "ipc-other-app", P));
        badTokens.put("other realm", Tokens.fetch(tokens.formatted("other"), "ipc-test", "admin"));
        // every caller signed in to both kinds of pages, and a task each staff role may read, while the token runs out
        for (String role : ROLES) {
            session(role);
            pages(role);
            if (STAFF.contains(role)) {
                readable(role, true);
            }
        }
        long expiresAt = JSON.readTree(Base64.getUrlDecoder().decode(expiring.split("\\.")[1])).path("exp").asLong();
        Thread.sleep(Math.max(0, expiresAt * 1000 - System.currentTimeMillis() + 1500));
    }

    /** A task the allowed role may see, kept for reading; the shared case's intake task for anyone else. */
    private String readable(String role, boolean allowed) {
        return allowed ? readableTask.computeIfAbsent(role, r -> fresh(r, true)) : sharedTask();
    }

    private String sharedTask() {
        // finance's estimate task of the shared case: every staff role but finance may work it or not see it
        return readableTask.computeIfAbsent("shared", r -> process.task(sharedCase, "CostEstimate").getId());
    }

    /** A new unassigned task in one of the role's queues. */
    private String fresh(String role, boolean allowed) {
        if (!allowed) {
            return sharedTask();
        }
        switch (role) {
            case C -> {
                return process.task(Portal.submit(P), "IntakeReview").getId();
            }
            case S -> {
                String caseId = Portal.submit(P);
                process.work(process.task(caseId, "IntakeReview").getId(), C, Map.of("decision", "accept",
                        "recordsComplete", true, "recordsInEnglish", true));
                return process.task(caseId, "SpecialistReview").getId();
            }
            case F -> {
                String caseId = Portal.submit(P, "TREATMENT");
                process.work(process.task(caseId, "IntakeReview").getId(), C, Map.of("decision", "accept",
                        "visaLetterNeeded", false));
                process.work(process.task(caseId, "MedicalReview").getId(), S, Map.of("medicalDecision", "accept",
                        "medicalReason", "We can treat this."));
                ProcessDriver.writeEstimate(caseId, LocalDate.now().plusDays(30).toString()).statusCode(201);
                return process.task(caseId, "CostEstimate").getId();
            }
            case S2 -> {
                // a Neurology case: its review is in specialist2's queue
                Map<String, Object> request = CaseRequests.secondOpinion();
                request.put("department", "neurology");
                String caseId = as(P).contentType(ContentType.JSON).body(request).post("/api/portal/cases").then()
                        .statusCode(201).extract().path("id");
                process.work(process.task(caseId, "IntakeReview").getId(), C, Map.of("decision", "accept",
                        "recordsComplete", true, "recordsInEnglish", true));
                return process.task(caseId, "SpecialistReview").getId();
            }
            case V -> {
                String caseId = Portal.submit(P);
                try {
                    process.fireTimer(caseId, "FirstResponseLate");
                } finally {
                    ClockUtil.reset();
                }
                return process.task(caseId, "LateFirstResponse").getId();
            }
            default -> throw new IllegalArgumentException("no task queue for " + role);
        }
    }

    /** A new task of the role's queues, claimed by them. */
    private String claimed(String role, boolean allowed) {
        if (!allowed) {
            return sharedTask();
        }
        String id = fresh(role, true);
        as(role).post(task(id) + "/claim").then().statusCode(200);
        return id;
    }

    /** Valid form values for the task, by its BPMN id. */
    private Map<String, Object> answers(String taskId) {
        return switch (process.taskById(taskId).getTaskDefinitionKey()) {
            case "IntakeReview" -> Map.of("decision", "accept", "recordsComplete", true, "recordsInEnglish", true);
            case "SpecialistReview" -> Map.of("opinionWritten", true);
            case "CostEstimate" -> Map.of("estimateNote", "Treatment package");
            default -> Map.of();
        };
    }

    private static Map<String, Object> estimate() {
        return Map.of("currency", "USD", "items", List.of(Map.of("description", "Treatment package", "amount", "48000")),
                "payer", Map.of("kind", "SELF_PAY"), "deposit", Map.of("percent", 30),
                "plannedAdmission", LocalDate.now().plusDays(60).toString(),
                "validUntil", LocalDate.now().plusDays(30).toString());
    }

    private static Map<String, Object> visaLetter() {
        return Map.of("consulate", Map.of("name", "Embassy of the United States of America", "city", "Riyadh"),
                "patient", Map.of("nameInPassport", "ANA SOUZA", "birthDate", "1968-04-02", "nationality", "BR",
                        "passportNumber", "FZ1234567"),
                "purpose", "TREATMENT", "arrival", LocalDate.now().plusDays(55).toString(),
                "departure", LocalDate.now().plusDays(80).toString());
    }

    private static Map<String, Object> itinerary() {
        return Map.of("appointments", List.of(Map.of("start", LocalDate.now().plusDays(60) + "T09:00:00-05:00",
                "minutes", 60, "place", "outpatient-7", "department", "cancer-center", "kind", "CONSULTATION")));
    }

    /** A new letter of the shared case, for a caller allowed to revoke one (the shared code is then revoked too). */
    private String newLetter() {
        return as(C).contentType(ContentType.JSON).body(visaLetter()).post(staff(sharedCase) + "/visa-letters")
                .then().statusCode(201).extract().path("id");
    }

    private String walkToDeposit() {
        String caseId = Portal.submit(P, "TREATMENT");
        process.complete(caseId, "IntakeReview", C, Map.of("decision", "accept", "visaLetterNeeded", false));
        process.complete(caseId, "MedicalReview", S, Map.of("medicalDecision", "accept", "medicalReason", "Yes."));
        ProcessDriver.writeEstimate(caseId, LocalDate.now().plusDays(30).toString()).statusCode(201);
        process.complete(caseId, "CostEstimate", F, Map.of());
        return caseId;
    }

    /** A case whose deposit finance recorded in full: the payment let the process go on. */
    private String depositPaid() {
        String caseId = walkToDeposit();
        ProcessDriver.pay(caseId, "14400.00", "FT-" + UUID.randomUUID().toString().substring(0, 8)).statusCode(201);
        return caseId;
    }

    private String walkToArrival() {
        String caseId = depositPaid();
        process.book(caseId, C, LocalDate.now().plusDays(21).toString(), LocalDate.now().plusDays(22) + "T09:00:00-05:00");
        process.complete(caseId, "ArrangeTravel", C, Map.of("lodgingBooked", true, "interpreterBooked", false));
        return caseId;
    }

    private WebSession session(String user) {
        return sessions.computeIfAbsent(user, u -> WebSession.signIn(URI.create(root.toString()), u));
    }

    /** The CSRF field of the user's session; a role that may not open the page has none and sends none. */
    private Map<String, String> csrf(WebSession session, String role) {
        if (!STAFF.contains(role)) {
            return Map.of();
        }
        return Map.of("csrf-token", session.csrfField("/inbox/tasks/" + readable(role, true)));
    }

    // ---- issue 17's objects: saved filters, absences, colleagues the staff directory knows ----

    private int filters;
    private int absenceDays;

    private String filterName(String role) {
        return "Matrix " + role + " " + ++filters;
    }

    /** A filter of the role's own (a new one each time: the row may delete it); a made-up id for a refused role. */
    private String ownFilter(String role, boolean allowed) {
        if (!allowed) {
            return java.util.UUID.randomUUID().toString();
        }
        return as(role).contentType(ContentType.JSON).body(Map.of("name", filterName(role)))
                .post("/api/inbox/filters").then().statusCode(201).extract().path("id");
    }

    /**
     * An absence to record, far ahead (it never lasts during the tests): the role's own with a supervisor covering,
     * and for the supervisor, a specialist's with the supervisor covering. Each on days of its own.
     */
    private Map<String, Object> absenceOf(String role, boolean allowed) {
        LocalDate first = LocalDate.now().plusDays(200 + 2L * absenceDays++);
        Map<String, Object> body = new HashMap<>(Map.of("firstDay", first.toString(), "lastDay", first.toString(),
                "substitute", allowed ? signedIn(V) : "a-colleague"));
        if (V.equals(role)) {
            body.put("staff", signedIn("specialist2"));
        }
        if (allowed) {
            signedIn(role);
        }
        return body;
    }

    private String recordedAbsence(String role, boolean allowed) {
        if (!allowed) {
            return java.util.UUID.randomUUID().toString();
        }
        return as(role).contentType(ContentType.JSON).body(absenceOf(role, true)).post("/api/staff/absences")
                .then().statusCode(201).extract().path("absence.id");
    }

    /** The user's subject, once they have signed in (a staff call puts them in the staff directory). */
    private static String signedIn(String user) {
        as(user).get("/api/staff").then().statusCode(200);
        String payload = Tokens.of(user).split("\\.")[1];
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(payload)).path("sub").asText();
        } catch (IOException e) {
            throw new AssertionError("unreadable token", e);
        }
    }

    /** An office weekday a week ahead, as a follow-up date. */
    private static String inAWeek() {
        LocalDate d = LocalDate.now(java.time.ZoneId.of("America/New_York")).plusDays(7);
        while (d.getDayOfWeek().getValue() >= 6) {
            d = d.plusDays(1);
        }
        return d.toString();
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }

    private static Response upload(RequestSpecification request, String casePath) {
        return request.multiPart("file", "records.pdf", SampleFiles.pdf(), "application/pdf")
                .post(casePath + "/documents");
    }

    private static String uploadId(String physician, String caseId) {
        return upload(as(physician), portal(caseId)).then().statusCode(201).extract().path("items[0].id");
    }

    private static String portal(String caseId) {
        return "/api/portal/cases/" + caseId;
    }

    private static String staff(String caseId) {
        return "/api/cases/" + caseId;
    }

    private static String task(String taskId) {
        return "/api/inbox/tasks/" + taskId;
    }

    // ---- the matrix itself ---------------------------------------------------------------------------------

    private static Row api(String method, String path, Set<String> allowed, Call call) {
        return api(method, path, Expect.allow(allowed), call);
    }

    private static Row api(String method, String path, Expect expect, Call call) {
        return new Row(method, path, null, expect, call, null);
    }

    private static Row api(String method, String path, String object, Expect expect, Call call) {
        return new Row(method, path, object, expect, call, null);
    }

    private static Row page(String method, String path, Set<String> allowed, PageCall call) {
        return page(method, path, Expect.allow(allowed), call);
    }

    private static Row page(String method, String path, Expect expect, PageCall call) {
        return new Row(method, path, null, expect, null, call);
    }

    private static Row page(String method, String path, String object, Expect expect, PageCall call) {
        return new Row(method, path, object, expect, null, call);
    }

    /** Callers refused first, on the shared objects, so that an answer they should not get shows up. */
    private static List<String> ordered(Row row) {
        List<String> all = new ArrayList<>(ROLES.stream().filter(r -> !row.expect().succeeds(r)).toList());
        all.addAll(ROLES.stream().filter(r -> row.expect().succeeds(r)).toList());
        return all;
    }

    /** Records an answer; {@code success} is the status a successful call of this row gets (2 for any 2xx). */
    private static void record(Map<String, Integer> answers, List<String> failures, Row row, String who, int status,
            int expected, int success) {
        answers.put(who, status);
        int wanted = expected == OK ? success : expected;
        boolean ok = wanted == 2 ? status / 100 == 2 : status == wanted;
        if (!ok) {
            failures.add(row.label() + " as " + who + ": expected " + (wanted == 2 ? "2xx" : wanted) + ", got " + status);
        }
    }

    /** Every endpoint the service declares, the pages the OpenAPI document leaves out included, has its row. */
    private static void assertEveryEndpointHasARow(List<Row> rows) {
        Set<String> published = new TreeSet<>(Endpoints.declared().keySet());
        published.removeAll(NOT_IN_PRODUCTION);
        Set<String> tested = rows.stream().map(Row::key).collect(Collectors.toCollection(TreeSet::new));
        assertThat(tested).as("rows of the security matrix; an endpoint the service declares without a row fails")
                .isEqualTo(published);
    }

    private void writeMatrix(List<Row> rows, Map<String, Map<String, Integer>> measured, List<String> objectChecks)
            throws IOException {
        List<String> columns = new ArrayList<>(List.of("no token"));
        columns.addAll(BAD_TOKENS);
        columns.addAll(ROLES);
        StringBuilder md = new StringBuilder("# Security matrix, as measured against a real Keycloak\n\n")
                .append("Written by `SecurityMatrixTest`. Each cell is the status the service answered; every cell was ")
                .append("held to the answer the row expects. Callers who succeed are in **bold**. `physician` ")
                .append("submitted the shared case and `physician2` did not; the shared case is a Cancer Center ")
                .append("treatment case whose medical review the department (`specialist`) did, at finance's ")
                .append("estimate, with a visa letter; `specialist2` (Neurology) never had a task on it. Page ")
                .append("rows (`/inbox`, `/portal`) sign in through the realm's code flow, so ")
                .append("without a session they redirect (302) to the realm's login page and bearer tokens do not ")
                .append("apply (—); a form post that succeeds answers 303 (see other).\n\n| endpoint | succeeds for | ")
                .append(String.join(" | ", columns)).append(" |\n|---|---|")
                .append("---|".repeat(columns.size())).append('\n');
        for (Row row : rows) {
            Map<String, Integer> answers = measured.get(row.label());
            List<String> succeeding = ROLES.stream().filter(row.expect()::succeeds).toList();
            md.append("| `").append(row.key()).append('`').append(row.object() == null ? "" : " " + row.object())
                    .append(" | ").append(row.expect().anyone() ? "anyone" : succeeding.size() == ROLES.size()
                            ? "any signed-in user" : String.join(", ", succeeding))
                    .append(" |");
            for (String column : columns) {
                Integer status = answers.get(column);
                boolean bold = ROLES.contains(column) && row.expect().succeeds(column);
                md.append(' ').append(status == null ? "—" : bold ? "**" + status + "**" : status).append(" |");
            }
            md.append('\n');
        }
        md.append("\n## Object-level checks (").append(objectChecks.size()).append(")\n\n");
        objectChecks.forEach(c -> md.append("- ").append(c).append('\n'));
        Files.writeString(Path.of("target", "security-matrix.md"), md);
    }
}
