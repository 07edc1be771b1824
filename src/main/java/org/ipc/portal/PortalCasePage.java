package org.ipc.portal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.ipc.api.Downloads;
import org.ipc.api.Redirects;
import org.ipc.api.Ids;
import org.ipc.api.PageForms;
import org.ipc.cases.CaseService;
import org.ipc.common.ConflictException;
import org.ipc.common.InvalidInputException;
import org.ipc.common.RejectedContentException;
import org.ipc.documents.Document;
import org.ipc.documents.DocumentKind;
import org.ipc.documents.DocumentService;
import org.ipc.documents.DocumentView;
import org.ipc.documents.UploadedFile;
import org.ipc.estimates.DepositService;
import org.ipc.messages.MessageService;
import org.ipc.messages.MessageView;
import org.ipc.messages.NewMessage;
import org.ipc.security.Roles;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * One of the physician's cases: its status timeline, the released opinion, documents both ways (the plain upload for
 * a browser without script), the conversation with the office, and withdrawal with a confirmation step.
 */
@Path("/portal")
@PageForms
@RolesAllowed(Roles.PHYSICIAN)
@Produces(MediaType.TEXT_HTML)
public class PortalCasePage {

    private static final Set<DocumentKind> RELEASED_ANSWERS = Set.of(DocumentKind.OPINION_LETTER,
            DocumentKind.VISIT_SUMMARY);

    /** A step of the status timeline, in words. */
    public record Step(String status, String at) {
    }

    @Inject
    CaseService cases;

    @Inject
    Withdrawals withdrawals;

    @Inject
    DocumentService documents;

    @Inject
    MessageService messages;

    @Inject
    DepositService deposits;

    @Inject
    PortalPageParts parts;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance caseView(PortalWords w, String user, PortalCaseView c, List<Step> timeline,
                List<DocumentView> answers, List<DocumentView> documents, List<MessageView> messages,
                List<String> kinds, Map<String, String> errors, String draft);

        static native TemplateInstance withdraw(PortalWords w, String user, PortalCaseView c, String error);
    }

    @GET
    @Path("/cases/{id}")
    public TemplateInstance caseView(@PathParam("id") String id) {
        return casePage(parts.words(), Ids.require(id, "Case"), Map.of(), null);
    }

    @POST
    @Path("/cases/{id}/messages")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response message(@PathParam("id") String id, @RestForm String body) {
        UUID caseId = Ids.require(id, "Case");
        try {
            messages.postAsPhysician(caseId, new NewMessage(body));
        } catch (ConstraintViolationException invalid) {
            PortalWords w = parts.words();
            String why = invalid.getConstraintViolations().stream().findFirst()
                    .map(v -> PortalPageParts.message("body", v, w)).orElse(w.t("error.invalid"));
            return Response.status(400).entity(casePage(w, caseId, Map.of("body", why), body)).build();
        }
        return Redirects.seeOther("/portal/cases/" + caseId + "#messages");
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
        PortalWords w = parts.words();
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
        return Redirects.seeOther("/portal/cases/" + caseId + "#documents");
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
        return Templates.withdraw(parts.words(), parts.user(),
                PortalCaseView.of(cases.findForCurrentPhysician(Ids.require(id, "Case"))), null);
    }

    @POST
    @Path("/cases/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("id") String id) {
        UUID caseId = Ids.require(id, "Case");
        try {
            withdrawals.withdraw(caseId);
        } catch (ConflictException ended) {
            PortalWords w = parts.words();
            return Response.status(409).entity(Templates.withdraw(w, parts.user(),
                    PortalCaseView.of(cases.findForCurrentPhysician(caseId)), w.t("withdraw.ended"))).build();
        }
        return Redirects.seeOther("/portal/cases/" + caseId);
    }

    private TemplateInstance casePage(PortalWords w, UUID caseId, Map<String, String> errors, String draft) {
        PortalCaseView c = PortalCaseView.of(cases.findForCurrentPhysician(caseId))
                .withEstimate(deposits.summaryForPhysician(caseId).map(PortalCaseView.Estimate::of).orElse(null));
        List<Step> timeline = c.history().stream().map(h -> new Step(w.t("status." + h.status()), w.when(h.at())))
                .toList();
        List<DocumentView> all = documents.listForPhysician(caseId).items();
        List<DocumentView> answers = all.stream().filter(d -> RELEASED_ANSWERS.contains(d.kind())).toList();
        List<String> kinds = java.util.Arrays.stream(DocumentKind.values()).filter(DocumentKind::physicianMayUpload)
                .map(Enum::name).toList();
        return Templates.caseView(w, parts.user(), c, timeline, answers, all,
                messages.listForPhysician(caseId).items(), kinds, errors, draft);
    }
}
