package org.ipc.portal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.ipc.api.Idempotent;
import org.ipc.api.Redirects;
import org.ipc.api.PageForms;
import org.ipc.cases.CaseService;
import org.ipc.cases.CaseType;
import org.ipc.cases.NewCaseRequest;
import org.ipc.cases.Urgency;
import org.ipc.common.FieldError;
import org.ipc.common.InvalidInputException;
import org.ipc.departments.Department;
import org.ipc.departments.DepartmentCatalog;
import org.ipc.patients.PatientDetails;
import org.ipc.security.Roles;
import org.jboss.resteasy.reactive.RestHeader;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * A new case from the page: the API's own request, checked by the same constraints and the same service, each refusal
 * at its field in the physician's language, and a key per form shown so a second press gets the first one's case.
 */
@Path("/portal")
@PageForms
@RolesAllowed(Roles.PHYSICIAN)
@Produces(MediaType.TEXT_HTML)
public class PortalNewCasePage {

    /** The new-case form's fields in the order the page shows them, which is the order its errors are listed in. */
    private static final List<String> FORM_ORDER = List.of("type", "department", "urgency", "clinicalSummary",
            "givenName", "familyName", "birthDate", "sex", "countryOfResidence", "preferredLanguage", "timeZone",
            "email", "phone", "emailConsent");
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
            return Redirects.seeOther("/portal/cases/" + cases.submit(request).c().id);
        }
    }

    private static final java.util.regex.Pattern SUBMISSION_KEY = java.util.regex.Pattern
            .compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Inject
    Submissions submissions;

    @Inject
    DepartmentCatalog departments;

    @Inject
    Validator validator;

    @Inject
    PortalPageParts parts;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance newCase(PortalWords w, String user, Map<String, String> form,
                Map<String, String> errors, List<Department> departments, List<Choice> countries);
    }

    @GET
    @Path("/cases/new")
    public TemplateInstance newCase() {
        Map<String, String> blank = new LinkedHashMap<>();
        blank.put("urgency", "ROUTINE");
        blank.put("type", "SECOND_OPINION");
        blank.put("submission", UUID.randomUUID().toString());
        return newCasePage(parts.words(), blank, Map.of());
    }

    /**
     * A new case from the form: the API's own request, checked by the same constraints and the same service; each
     * refusal comes back at its field in the physician's language, with everything they typed kept.
     */
    @POST
    @Path("/cases")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(MultivaluedMap<String, String> sent) {
        PortalWords w = parts.words();
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
            errors.putIfAbsent(field, PortalPageParts.message(field, v, w));
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

    private TemplateInstance newCasePage(PortalWords w, Map<String, String> form, Map<String, String> errors) {
        List<Choice> countries = new ArrayList<>();
        for (String code : Locale.getISOCountries()) {
            countries.add(new Choice(code, w.country(code)));
        }
        countries.sort(Comparator.comparing(Choice::label));
        return Templates.newCase(w, parts.user(), form, errors, departments.all(), countries);
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

    private static String upper(String code) {
        return code == null ? null : code.toUpperCase(Locale.ROOT);
    }
}
