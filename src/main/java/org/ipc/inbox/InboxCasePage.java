package org.ipc.inbox;

import java.util.List;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.ipc.api.Downloads;
import org.ipc.api.Redirects;
import org.ipc.api.Ids;
import org.ipc.api.PageForms;
import org.ipc.api.Violations;
import org.ipc.documents.Document;
import org.ipc.documents.DocumentService;
import org.ipc.messages.MessageService;
import org.ipc.messages.NewMessage;
import org.ipc.security.Roles;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * A case's own page for staff: the case as the caller's roles may see it (access/AccessPolicy), its conversation with
 * the referring physician, and its documents.
 */
@Path("/inbox")
@PageForms
@RolesAllowed({ Roles.COORDINATOR, Roles.SPECIALIST, Roles.FINANCE, Roles.SUPERVISOR })
@Produces(MediaType.TEXT_HTML)
public class InboxCasePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance caseView(InboxPageParts.Chrome chrome, CasePage page);
    }

    /** The case page. */
    public record CasePage(InboxPageParts.CaseSide side) {
    }

    @Inject
    MessageService messages;

    @Inject
    DocumentService documents;

    @Inject
    InboxPageParts parts;

    @GET
    @Path("/cases/{id}")
    public TemplateInstance caseView(@PathParam("id") String id) {
        UUID caseId = Ids.require(id, "Case");
        return Templates.caseView(parts.chrome("tasks"), new CasePage(parts.side(caseId, List.of(), null,
                "/inbox/cases/" + caseId + "/messages")));
    }

    /**
     * A message to the referring physician, checked by the same rules as {@code POST /api/cases/{id}/messages} (the
     * service validates {@link NewMessage}); a refused one comes back on the case page with the reason and the text.
     */
    @POST
    @Path("/cases/{id}/messages")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response message(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID caseId = Ids.require(id, "Case");
        String body = form.getFirst("body");
        try {
            messages.postAsStaff(caseId, new NewMessage(body));
        } catch (ConstraintViolationException invalid) {
            return Response.status(400).entity(Templates.caseView(parts.chrome("tasks"), new CasePage(parts.side(caseId,
                    Violations.fieldErrors(invalid), body, "/inbox/cases/" + caseId + "/messages")))).build();
        }
        return Redirects.seeOther("/inbox/cases/" + caseId + "#messages");
    }

    /** A document of the case, for the signed-in page (audited as the API's download is). */
    @GET
    @Path("/cases/{id}/documents/{docId}")
    @Produces(MediaType.WILDCARD)
    public Response document(@PathParam("id") String id, @PathParam("docId") String docId) {
        DocumentService.Download download = documents.downloadForStaff(Ids.require(id, "Case"),
                Ids.require(docId, "Document"));
        Document d = download.document();
        return Downloads.of(download.content(), d.fileName, d.contentType, d.sizeBytes, d.sha256);
    }
}
