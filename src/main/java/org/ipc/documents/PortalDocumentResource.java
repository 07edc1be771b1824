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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ipc.api.ApiDocument;
import org.ipc.api.ApiExamples;
import org.ipc.api.Downloads;
import org.ipc.api.Idempotent;
import org.ipc.api.Ids;
import org.ipc.common.Page;
import org.ipc.security.Roles;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** A physician's records up and down: their own cases only; opinions and summaries once released. */
@Path("/api/portal/cases/{id}/documents")
@Tag(name = ApiDocument.PHYSICIANS)
@RolesAllowed(Roles.PHYSICIAN)
public class PortalDocumentResource {

    @Inject
    DocumentService documents;

    @POST
    @Idempotent("upload-documents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "uploadDocuments", summary = "Send records for a case: one or more files in one request",
            description = "Parts named file (PDF, JPEG, PNG, DICOM, UTF-8 text; each at most the file limit, 50 MB by"
                    + " default), an optional kind (MEDICAL_RECORD, IMAGING, IMAGING_REPORT, PATHOLOGY_REPORT,"
                    + " LAB_RESULT, OTHER) and language (BCP 47). Large files: the resumable uploads.")
    @APIResponse(responseCode = "201", description = "The stored documents: parts named file (PDF, JPEG, PNG, DICOM, UTF-8 text), optional kind and language", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = ApiDocument.DOCUMENT_PAGE_SCHEMA)))
    @APIResponse(responseCode = "400", description = "No file, too many files, an empty file, a file name with folders", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "bad upload", value = ApiExamples.INVALID)))
    @APIResponse(responseCode = "404", description = "No such case among the caller's", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "not yours", value = ApiExamples.NOT_FOUND)))
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
                .entity(documents.uploadAsPhysician(Ids.require(id, "Case"), uploads(files), kind, language)).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listDocuments", summary = "A case's documents: the physician's own, and opinions and summaries once released")
    @APIResponse(responseCode = "200", description = "The case's documents the physician may see")
    @APIResponse(responseCode = "404", description = "No such case among the caller's", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "not yours", value = ApiExamples.NOT_FOUND)))
    public Page<DocumentView> list(@PathParam("id") String id) {
        return documents.listForPhysician(Ids.require(id, "Case"));
    }

    @GET
    @Path("/{docId}")
    @Operation(operationId = "downloadDocument", summary = "One document's file")
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
    @APIResponse(responseCode = "404", description = "No such document, or an opinion or summary not released yet", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "not yours or not released", value = ApiExamples.NOT_FOUND)))

    public Response download(@PathParam("id") String id, @PathParam("docId") String docId) {
        UUID document = Ids.require(docId, "Document");
        DocumentService.Download download = documents.downloadForPhysician(Ids.require(id, "Case"), document);
        Document d = download.document();
        return Downloads.of(download.content(), d.fileName, d.contentType, d.sizeBytes, d.sha256);
    }

    private static List<UploadedFile> uploads(List<FileUpload> parts) {
        return parts == null ? null
                : parts.stream().map(p -> new UploadedFile(p.uploadedFile(), p.fileName(), p.contentType())).toList();
    }
}
