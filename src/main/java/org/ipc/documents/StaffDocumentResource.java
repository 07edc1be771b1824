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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.ipc.api.ApiDocument;
import org.ipc.api.ApiExamples;

/** Hospital staff read a case's documents and add the Center's own (opinion letter, estimate, visit summary). */
@Path("/api/cases/{id}/documents")
@Tag(name = ApiDocument.INBOX)
@RolesAllowed({ Roles.COORDINATOR, Roles.SPECIALIST, Roles.FINANCE, Roles.SUPERVISOR })
public class StaffDocumentResource {

    @Inject
    DocumentService documents;

    @POST
    @Idempotent("staff-upload-documents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "uploadStaffDocuments", summary = "Add documents to a case (translations, opinions, summaries, ...)",
            description = "Parts named file (PDF, JPEG, PNG, DICOM, UTF-8 text), an optional kind and language (BCP 47).")
    @APIResponse(responseCode = "201", description = "The stored documents", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = ApiDocument.DOCUMENT_PAGE_SCHEMA)))
    @APIResponse(responseCode = "413", description = "A file or the request is over the limit", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "too large", value = ApiExamples.TOO_LARGE)))
    @APIResponse(responseCode = "415", description = "A type other than the five, or content that is not what it was sent as", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "spoofed type", value = ApiExamples.UNSUPPORTED)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another upload", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "key reused", value = ApiExamples.KEY_REUSED)))
    public Response upload(@PathParam("id") String id, @RestForm("file") List<FileUpload> files,
            @RestForm String kind, @RestForm String language,
            @Parameter(description = ApiDocument.IDEMPOTENCY_KEY, example = ApiDocument.IDEMPOTENCY_KEY_EXAMPLE)
            @RestHeader("Idempotency-Key") String idempotencyKey) {
        return Response.status(201)
                .entity(documents.uploadAsStaff(Ids.require(id, "Case"), uploads(files), kind, language)).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listStaffDocuments", summary = "Every document of a case")
    public Page<DocumentView> list(@PathParam("id") String id) {
        return documents.listForStaff(Ids.require(id, "Case"));
    }

    @GET
    @Path("/{docId}")
    @Operation(operationId = "downloadStaffDocument", summary = "One document's file")
    @APIResponse(responseCode = "200", description = "The file, with its recognised content type, length and SHA-256 digest",
            headers = { @Header(name = "Content-Disposition", description = "attachment, with the file name",
                    schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Digest", description = "sha-256=<base64 of the SHA-256 digest>",
                            schema = @Schema(type = SchemaType.STRING)) },
            content = { @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "application/dicom", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING, format = "binary")) })
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
