package org.ipc.documents;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.ipc.api.Downloads;
import org.ipc.api.Idempotent;
import org.ipc.api.Ids;
import org.ipc.common.Page;
import org.ipc.security.Roles;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Hospital staff read a case's documents and add the Center's own (opinion letter, estimate, visit summary). */
@Path("/api/cases/{id}/documents")
@RolesAllowed({ Roles.COORDINATOR, Roles.SPECIALIST, Roles.FINANCE, Roles.SUPERVISOR })
public class StaffDocumentResource {

    @Inject
    DocumentService documents;

    @POST
    @Idempotent("staff-upload-documents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@PathParam("id") String id, @RestForm("file") List<FileUpload> files,
            @RestForm String kind, @RestForm String language, @RestHeader("Idempotency-Key") String idempotencyKey) {
        return Response.status(201)
                .entity(documents.uploadAsStaff(Ids.require(id, "Case"), uploads(files), kind, language)).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Page<DocumentView> list(@PathParam("id") String id) {
        return documents.listForStaff(Ids.require(id, "Case"));
    }

    @GET
    @Path("/{docId}")
    public Response download(@PathParam("id") String id, @PathParam("docId") String docId) {
        UUID document = Ids.require(docId, "Document");
        DocumentService.Download download = documents.downloadForStaff(Ids.require(id, "Case"), document);
        Document d = download.document();
        return Downloads.of(download.content(), d.fileName, d.contentType, d.sizeBytes, d.sha256);
    }

    private static List<UploadedFile> uploads(List<FileUpload> parts) {
        return parts == null ? null
                : parts.stream().map(p -> new UploadedFile(p.uploadedFile(), p.fileName(), p.contentType())).toList();
    }
}
