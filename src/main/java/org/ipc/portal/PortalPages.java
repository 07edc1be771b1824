package org.ipc.portal;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.ipc.api.Downloads;
import org.ipc.api.Idempotent;
import org.ipc.api.Ids;
import org.ipc.api.PageForms;
import org.ipc.cases.CaseService;
import org.ipc.cases.CaseStatus;
import org.ipc.cases.CaseType;
import org.ipc.cases.NewCaseRequest;
import org.ipc.cases.PortalCaseSummary;
import org.ipc.cases.PortalCaseView;
import org.ipc.cases.Urgency;
import org.ipc.common.ConflictException;
import org.ipc.common.FieldError;
import org.ipc.common.InvalidInputException;
import org.ipc.common.RejectedContentException;
import org.ipc.departments.Department;
import org.ipc.departments.DepartmentCatalog;
import org.ipc.documents.Document;
import org.ipc.documents.DocumentKind;
import org.ipc.documents.DocumentService;
import org.ipc.documents.DocumentView;
import org.ipc.documents.UploadedFile;
import org.ipc.estimates.DepositService;
import org.ipc.messages.MessageService;
import org.ipc.messages.MessageView;
import org.ipc.messages.NewMessage;
import org.ipc.patients.PatientDetails;
import org.ipc.physicians.PhysicianDirectory;
import org.ipc.physicians.ReferringPhysician;
import org.ipc.security.CurrentUser;
import org.ipc.security.Roles;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The referring physician's web pages: their cases, a new case, one case (timeline, documents both ways, the released
 * opinion, the conversation with the office, withdrawal with a confirmation step) and their language and time zone.
 * Server-rendered Qute and plain forms over the same services and checks as {@code /api/portal}; every word in the
 * physician's language ({@link PortalWords}), every time in their own zone.
 */
@Path("/portal")
@PageForms
@RolesAllowed(Roles.PHYSICIAN)
@Produces(MediaType.TEXT_HTML)
public class PortalPages {

    private static final int LIST_SIZE = 100;
    /** The new-case form's fields in the order the page shows them, which is the order its errors are listed in. */
    private static final List<String> FORM_ORDER = List.of("type", "department", "urgency", "clinicalSummary",
            "givenName", "familyName", "birthDate", "sex", "countryOfResidence", "preferredLanguage", "timeZone",
            "email", "phone", "emailConsent");
    private static final Set<DocumentKind> RELEASED_ANSWERS = Set.of(DocumentKind.OPINION_LETTER,
            DocumentKind.VISIT_SUMMARY);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance cases(PortalWords w, String user, List<CaseRow> cases, String status,
                List<String> statuses);

        static native TemplateInstance newCase(PortalWords w, String user, Map<String, String> form,
                Map<String, String> errors, List<Department> departments, List<Choice> countries);

        static native TemplateInstance caseView(PortalWords w, String user, PortalCaseView c, List<Step> timeline,
                List<DocumentView> answers, List<DocumentView> documents, List<MessageView> messages,
                List<String> kinds, Map<String, String> errors, String draft);

        static native TemplateInstance withdraw(PortalWords w, String user, PortalCaseView c, String error);

        static native TemplateInstance settings(PortalWords w, String user, String language, String zone,
                Map<String, String> errors);
    }

    /** A case as the list shows it: its status, the next step and what the office needs from the physician. */
    public record CaseRow(PortalCaseSummary c, String status, String next, String needed, String created) {
    }

    /** A step of the status timeline, in words. */
    public record Step(String status, String at) {
    }

    /** An option of a menu: its value and its words. */
    public record Choice(String value, String label) {
    }

    /**
     * A case from the page, once per form shown: the form carries a key of its own (the field {@code submission}),
     * used as the API's {@code Idempotency-Key}, so a second press of the button (a slow link, a double tap) gets the
     * first press's answer, the same case, instead of a second case.
     */
    @ApplicationScoped
    public static class Submissions {

        @Inject
        CaseService cases;

        @Idempotent("submit-case-page")
        public Response submit(NewCaseRequest request, @RestHeader("Idempotency-Key") String key) {
            PortalCaseView created = cases.submit(request);
            return Response.seeOther(URI.create("/portal/cases/" + created.id())).build();
        }
    }

    private static final java.util.regex.Pattern SUBMISSION_KEY = java.util.regex.Pattern
            .compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Inject
    CaseService cases;

    @Inject
    Submissions submissions;

    @Inject
    Withdrawals withdrawals;

    @Inject
    DocumentService documents;

    @Inject
    MessageService messages;

    @Inject
    DepositService deposits;

    @Inject
    DepartmentCatalog departments;

    @Inject
    PhysicianDirectory physicians;

    @Inject
    CurrentUser user;

    @Inject
    Validator validator;

    @Context
    HttpHeaders headers;

    @GET
    public TemplateInstance list(@QueryParam("status") String status) {
        PortalWords w = words();
        CaseStatus filter = parseStatus(status);
        List<CaseRow> rows = cases.listForCurrentPhysician(filter, 0, LIST_SIZE).items().stream()
                .map(c -> new CaseRow(c, w.t("status." + c.status()), w.t("next." + c.status()),
                        w.t("needs." + c.status()), w.when(c.createdAt())))
                .toList();
        List<String> statuses = java.util.Arrays.stream(CaseStatus.values()).map(Enum::name).toList();
        return Templates.cases(w, user.displayName(), rows, filter == null ? "" : filter.name(), statuses);
    }

    @GET
    @Path("/cases/new")
    public TemplateInstance newCase() {
        Map<String, String> blank = new LinkedHashMap<>();
        blank.put("urgency", "ROUTINE");
        blank.put("type", "SECOND_OPINION");
        blank.put("submission", UUID.randomUUID().toString());
        return newCasePage(words(), blank, Map.of());
    }

    /**
     * A new case from the form: the API's own request, checked by the same constraints and the same service; each
     * refusal comes back at its field in the physician's language, with everything they typed kept.
     */
    @POST
    @Path("/cases")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(MultivaluedMap<String, String> sent) {
        PortalWords w = words();
        Map<String, String> form = new LinkedHashMap<>();
        for (String field : FORM_ORDER) {
            String value = sent.getFirst(field);
            form.put(field, value == null || value.isBlank() ? null : value.strip());
        }
        form.put("emailConsent", sent.getFirst("emailConsent") == null ? null : "on");
        String submission = sent.getFirst("submission");
        form.put("submission", submission != null && SUBMISSION_KEY.matcher(submission).matches() ? submission
                : UUID.randomUUID().toString());
        Map<String, String> errors = new LinkedHashMap<>();
        CaseType type = parseEnum(CaseType.class, form.get("type"), "type", errors, w);
        Urgency urgency = parseEnum(Urgency.class, form.get("urgency"), "urgency", errors, w);
        LocalDate birthDate = null;
        if (form.get("birthDate") != null) {
            try {
                birthDate = LocalDate.parse(form.get("birthDate"));
            } catch (DateTimeParseException e) {
                errors.put("birthDate", w.t("error.date"));
            }
        }
        PatientDetails patient = new PatientDetails(form.get("givenName"), form.get("familyName"), birthDate,
                form.get("sex"), upper(form.get("countryOfResidence")), form.get("preferredLanguage"),
                form.get("email"), form.get("phone"), form.get("timeZone"), form.get("emailConsent") != null);
        NewCaseRequest request = new NewCaseRequest(type, form.get("department"), urgency, form.get("clinicalSummary"),
                patient);
        for (ConstraintViolation<NewCaseRequest> v : validator.validate(request)) {
            String field = v.getPropertyPath().toString().replace("patient.", "");
            errors.putIfAbsent(field, message(field, v, w));
        }
        if (errors.isEmpty()) {
            try {
                return submissions.submit(request, form.get("submission"));
            } catch (InvalidInputException invalid) {
                for (FieldError e : invalid.errors()) {
                    String field = e.field().replace("patient.", "");
                    errors.putIfAbsent(field, w.t("error.invalid." + field));
                }
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        FORM_ORDER.stream().filter(errors::containsKey).forEach(f -> ordered.put(f, errors.get(f)));
        errors.forEach(ordered::putIfAbsent);
        return Response.status(400).entity(newCasePage(w, form, ordered)).build();
    }

    @GET
    @Path("/cases/{id}")
    public TemplateInstance caseView(@PathParam("id") String id) {
        return casePage(words(), Ids.require(id, "Case"), Map.of(), null);
    }

    @POST
    @Path("/cases/{id}/messages")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response message(@PathParam("id") String id, @RestForm String body) {
        UUID caseId = Ids.require(id, "Case");
        try {
            messages.postAsPhysician(caseId, new NewMessage(body));
        } catch (ConstraintViolationException invalid) {
            PortalWords w = words();
            String why = invalid.getConstraintViolations().stream().findFirst()
                    .map(v -> message("body", v, w)).orElse(w.t("error.invalid"));
            return Response.status(400).entity(casePage(w, caseId, Map.of("body", why), body)).build();
        }
        return seeOther("/portal/cases/" + caseId + "#messages");
    }

    /** The page's plain upload, for a browser without script: the API's multipart checks, at most 50 MB a file. */
    @POST
    @Path("/cases/{id}/documents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("id") String id, @RestForm("file") List<FileUpload> files,
            @RestForm String kind) {
        UUID caseId = Ids.require(id, "Case");
        List<UploadedFile> uploaded = files == null ? List.of()
                : files.stream().filter(f -> f.fileName() != null && !f.fileName().isBlank())
                        .map(f -> new UploadedFile(f.uploadedFile(), f.fileName(), f.contentType())).toList();
        PortalWords w = words();
        try {
            if (uploaded.isEmpty()) {
                throw InvalidInputException.field("file", "is required");
            }
            documents.uploadAsPhysician(caseId, uploaded, kind, null);
        } catch (RejectedContentException rejected) {
            String key = rejected.reason() == RejectedContentException.Reason.TOO_LARGE ? "error.file.tooLarge"
                    : "error.file.type";
            return Response.status(400).entity(casePage(w, caseId, Map.of("file", w.t(key)), null)).build();
        } catch (InvalidInputException invalid) {
            String field = invalid.errors().isEmpty() ? "file" : invalid.errors().get(0).field();
            String key = "kind".equals(field) ? "error.invalid.kind" : "error.file.invalid";
            return Response.status(400).entity(casePage(w, caseId, Map.of("file", w.t(key)), null)).build();
        }
        return seeOther("/portal/cases/" + caseId + "#documents");
    }

    @GET
    @Path("/cases/{id}/documents/{docId}")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("id") String id, @PathParam("docId") String docId) {
        DocumentService.Download download = documents.downloadForPhysician(Ids.require(id, "Case"),
                Ids.require(docId, "Document"));
        Document d = download.document();
        return Downloads.of(download.content(), d.fileName, d.contentType, d.sizeBytes, d.sha256);
    }

    /** The confirmation step: what withdrawing means, and a button that does it. */
    @GET
    @Path("/cases/{id}/withdraw")
    public TemplateInstance confirmWithdrawal(@PathParam("id") String id) {
        return Templates.withdraw(words(), user.displayName(),
                cases.findForCurrentPhysician(Ids.require(id, "Case")), null);
    }

    @POST
    @Path("/cases/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("id") String id) {
        UUID caseId = Ids.require(id, "Case");
        try {
            withdrawals.withdraw(caseId);
        } catch (ConflictException ended) {
            PortalWords w = words();
            return Response.status(409).entity(Templates.withdraw(w, user.displayName(),
                    cases.findForCurrentPhysician(caseId), w.t("withdraw.ended"))).build();
        }
        return seeOther("/portal/cases/" + caseId);
    }

    @GET
    @Path("/settings")
    public TemplateInstance settings() {
        PortalWords w = words();
        return Templates.settings(w, user.displayName(), w.lang(), w.zone(), Map.of());
    }

    /** The physician's language and time zone, kept with them for every later visit. */
    @POST
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveSettings(@RestForm String language, @RestForm String timeZone) {
        Map<String, String> errors = new LinkedHashMap<>();
        String zone = timeZone == null || timeZone.isBlank() ? null : timeZone.strip();
        if (language == null || !PortalWords.LANGUAGES.contains(language)) {
            errors.put("language", words().t("error.invalid.language"));
        }
        if (zone != null && !isZone(zone)) {
            errors.put("timeZone", words().t("error.invalid.timeZone"));
        }
        if (!errors.isEmpty()) {
            PortalWords w = words();
            return Response.status(400).entity(Templates.settings(w, user.displayName(), language, timeZone, errors))
                    .build();
        }
        physicians.choosePortalPreferences(language, zone);
        return seeOther("/portal");
    }

    private TemplateInstance newCasePage(PortalWords w, Map<String, String> form, Map<String, String> errors) {
        List<Choice> countries = new ArrayList<>();
        for (String code : Locale.getISOCountries()) {
            countries.add(new Choice(code, w.country(code)));
        }
        countries.sort(Comparator.comparing(Choice::label));
        return Templates.newCase(w, user.displayName(), form, errors, departments.all(), countries);
    }

    private TemplateInstance casePage(PortalWords w, UUID caseId, Map<String, String> errors, String draft) {
        PortalCaseView c = cases.findForCurrentPhysician(caseId)
                .withEstimate(deposits.summaryForPhysician(caseId).orElse(null));
        List<Step> timeline = c.history().stream().map(h -> new Step(w.t("status." + h.status()), w.when(h.at())))
                .toList();
        List<DocumentView> all = documents.listForPhysician(caseId).items();
        List<DocumentView> answers = all.stream().filter(d -> RELEASED_ANSWERS.contains(d.kind())).toList();
        List<String> kinds = java.util.Arrays.stream(DocumentKind.values()).filter(DocumentKind::physicianMayUpload)
                .map(Enum::name).toList();
        return Templates.caseView(w, user.displayName(), c, timeline, answers, all,
                messages.listForPhysician(caseId).items(), kinds, errors, draft);
    }

    /** The physician's chosen language, else the browser's first of ours, else English; their zone, else UTC. */
    private PortalWords words() {
        ReferringPhysician physician = physicians.currentIfKnown().orElse(null);
        String language = physician == null ? null : physician.portalLanguage;
        if (language == null) {
            language = headers.getAcceptableLanguages().stream().map(Locale::getLanguage)
                    .filter(PortalWords.LANGUAGES::contains).findFirst().orElse("en");
        }
        ZoneId zone = physician != null && physician.timeZone != null ? ZoneId.of(physician.timeZone)
                : ZoneId.of("UTC");
        return new PortalWords(language, zone);
    }

    /** A refused field in the physician's language: what kind of check failed, said for that field. */
    private static String message(String field, ConstraintViolation<?> v, PortalWords w) {
        String constraint = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return switch (constraint) {
            case "NotNull", "NotBlank" -> w.t("error.required");
            case "Size" -> w.f("error.tooLong", v.getConstraintDescriptor().getAttributes().get("max"));
            case "Past" -> w.t("error.past");
            case "Email" -> w.t("error.email");
            default -> w.t("error.invalid." + field);
        };
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field,
            Map<String, String> errors, PortalWords w) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.put(field, w.t("error.invalid"));
            return null;
        }
    }

    private static CaseStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return CaseStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isZone(String zone) {
        return "UTC".equals(zone) || zone.contains("/") && ZoneId.getAvailableZoneIds().contains(zone);
    }

    private static String upper(String code) {
        return code == null ? null : code.toUpperCase(Locale.ROOT);
    }

    private static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
