package org.ipc.documents;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ipc.api.ApiDocument;
import org.ipc.api.ApiExamples;
import org.ipc.api.Ids;
import org.ipc.api.ProblemException;
import org.ipc.api.TusProtocol;
import org.ipc.common.FieldError;
import org.ipc.security.Roles;
import org.jboss.resteasy.reactive.RestHeader;

/**
 * Resumable uploads for a physician's own case, by the tus protocol 1.0 (core, creation, termination, checksum,
 * expiration; https://tus.io/protocols/resumable-upload): {@code POST} announces a file, {@code PATCH} sends its
 * bytes from an offset, {@code HEAD} says how many arrived, {@code DELETE} gives it up. Each piece is read as a
 * stream on a worker thread and written to disk as it arrives ({@link ResumableUploads}).
 */
@Path("/api/portal/cases/{id}/uploads")
@Tag(name = ApiDocument.PHYSICIANS)
@RolesAllowed(Roles.PHYSICIAN)
@TusProtocol
public class PortalUploadResource {

    static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    @Inject
    protected ResumableUploads uploads;

    @Inject
    protected UploadsConfig config;

    @OPTIONS
    @Operation(operationId = "getUploadOptions", summary = "What this server supports of tus: version, extensions, largest file, checksum algorithms")
    @APIResponse(responseCode = "204", description = "Tus-Version, Tus-Extension, Tus-Max-Size, Tus-Checksum-Algorithm",
            headers = { @Header(name = "Tus-Version", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Tus-Extension", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Tus-Max-Size", schema = @Schema(type = SchemaType.INTEGER)),
                    @Header(name = "Tus-Checksum-Algorithm", schema = @Schema(type = SchemaType.STRING)) })
    public Response options(@PathParam("id") String id) {
        return Response.noContent().header("Tus-Version", TusProtocol.VERSION)
                .header("Tus-Extension", TusProtocol.EXTENSIONS).header("Tus-Max-Size", config.maxSize())
                .header("Tus-Checksum-Algorithm", String.join(",", ResumableUploads.Checksum.ALGORITHMS)).build();
    }

    @POST
    @Operation(operationId = "createUpload", summary = "Announce a file: Upload-Length, and Upload-Metadata with filename (and filetype, kind, language), each base64")
    @APIResponse(responseCode = "201", description = "Location of the new upload, and Upload-Expires",
            headers = { @Header(name = "Location", description = ApiDocument.LOCATION, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Upload-Expires", description = "when an untouched upload is given up (HTTP date)",
                            schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "400", description = "Upload-Length or Upload-Metadata missing or wrong; each is named", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "bad metadata", value = ApiExamples.INVALID)))
    @APIResponse(responseCode = "404", description = "No such case among the caller's", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "not yours", value = ApiExamples.NOT_FOUND)))
    @APIResponse(responseCode = "413", description = "Larger than Tus-Max-Size", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "too large", value = ApiExamples.TOO_LARGE)))
    @APIResponse(responseCode = "412", description = "Tus-Resumable is missing or not 1.0.0", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "wrong version", value = ApiExamples.TUS_VERSION)))
    public Response create(@PathParam("id") String id, @RestHeader("Tus-Resumable") String version,
            @RestHeader("Upload-Length") String length, @RestHeader("Upload-Defer-Length") String deferLength,
            @RestHeader("Upload-Metadata") String metadata, @Context UriInfo uri) {
        requireVersion(version);
        if (deferLength != null) {
            throw ProblemException.badField("Upload-Defer-Length", "is not supported: send Upload-Length, the file's size");
        }
        ResumableUploads.Created created = uploads.create(Ids.require(id, "Case"),
                number("Upload-Length", length), metadata(metadata));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .header("Upload-Expires", HTTP_DATE.format(created.expires())).build();
    }

    @HEAD
    @Path("/{uploadId}")
    @Operation(operationId = "getUploadProgress", summary = "How many bytes of the upload have arrived (Upload-Offset) of how many (Upload-Length)")
    @APIResponse(responseCode = "200", description = "Upload-Offset, Upload-Length, Upload-Expires",
            headers = { @Header(name = "Upload-Offset", schema = @Schema(type = SchemaType.INTEGER)),
                    @Header(name = "Upload-Length", schema = @Schema(type = SchemaType.INTEGER)),
                    @Header(name = "Upload-Expires", schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "404", description = "No such upload of the caller's (or it expired)")
    @APIResponse(responseCode = "412", description = "Tus-Resumable is missing or not 1.0.0", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "wrong version", value = ApiExamples.TUS_VERSION)))
    public Response head(@PathParam("id") String id, @PathParam("uploadId") String uploadId,
            @RestHeader("Tus-Resumable") String version) {
        requireVersion(version);
        ResumableUploads.Progress progress = uploads.progress(Ids.require(id, "Case"), Ids.require(uploadId, "Upload"));
        return progress(Response.ok(), progress).build();
    }

    @PATCH
    @Path("/{uploadId}")
    @Operation(operationId = "appendToUpload", summary = "Send bytes from Upload-Offset (Content-Type application/offset+octet-stream), optionally with Upload-Checksum")
    @APIResponse(responseCode = "204", description = "The new Upload-Offset; with the last byte, X-Document-Id of the stored document",
            headers = { @Header(name = "Upload-Offset", schema = @Schema(type = SchemaType.INTEGER)),
                    @Header(name = "X-Document-Id", description = "with the last byte: the stored document's id",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "X-Document-Sha256", description = "with the last byte: the file's SHA-256, hex",
                            schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "400", description = "Upload-Offset or Upload-Checksum malformed, an unsupported checksum algorithm, or more bytes than announced", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "bad header", value = ApiExamples.INVALID)))
    @APIResponse(responseCode = "404", description = "No such upload of the caller's (or it expired)", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "not yours", value = ApiExamples.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Upload-Offset is not where the upload stands, or another piece is arriving", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "wrong offset", value = ApiExamples.CONFLICT)))
    @APIResponse(responseCode = "415", description = "Not application/offset+octet-stream; or, with the last byte, a file of a type we do not keep", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "spoofed type", value = ApiExamples.UNSUPPORTED)))
    @APIResponse(responseCode = "460", description = "The bytes do not match Upload-Checksum; nothing of the piece was kept", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "checksum mismatch", value = ApiExamples.INVALID)))
    @APIResponse(responseCode = "412", description = "Tus-Resumable is missing or not 1.0.0", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "wrong version", value = ApiExamples.TUS_VERSION)))
    public Response append(@PathParam("id") String id, @PathParam("uploadId") String uploadId,
            @RestHeader("Tus-Resumable") String version, @RestHeader("Content-Type") String contentType,
            @RestHeader("Upload-Offset") String offset, @RestHeader("Upload-Checksum") String checksum,
            @RequestBody(content = @Content(mediaType = OFFSET_OCTET_STREAM,
                    schema = @Schema(type = SchemaType.STRING, format = "binary"))) InputStream body) {
        requireVersion(version);
        if (contentType == null || !contentType.toLowerCase().startsWith(OFFSET_OCTET_STREAM)) {
            throw new ProblemException(415, "Unsupported media type", "Send the bytes as " + OFFSET_OCTET_STREAM,
                    List.of(new FieldError("Content-Type", "must be " + OFFSET_OCTET_STREAM)));
        }
        UUID caseId = Ids.require(id, "Case");
        UUID upload = Ids.require(uploadId, "Upload");
        long from = number("Upload-Offset", offset);
        ResumableUploads.Checksum expected = checksum(checksum);
        try {
            ResumableUploads.Progress progress = uploads.append(caseId, upload, from, body, expected);
            return progress(Response.noContent(), progress).build();
        } catch (ResumableUploads.ChecksumMismatchException mismatch) {
            throw new ProblemException(TusProtocol.CHECKSUM_MISMATCH, TusProtocol.CHECKSUM_MISMATCH_TITLE,
                    mismatch.getMessage(), List.of(new FieldError("Upload-Checksum", "does not match the bytes received")));
        }
    }

    /**
     * Clients whose HTTP stack cannot send PATCH or DELETE (Java's HttpURLConnection, the tus Java client, some
     * proxies) send POST with {@code X-HTTP-Method-Override}, as the tus protocol allows.
     */
    @POST
    @Path("/{uploadId}")
    @Operation(operationId = "overrideUploadMethod", summary = "PATCH or DELETE for clients that cannot send them: POST with X-HTTP-Method-Override")
    @APIResponse(responseCode = "204", description = "As PATCH or DELETE")
    @APIResponse(responseCode = "400", description = "No X-HTTP-Method-Override of PATCH or DELETE", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "no override", value = ApiExamples.INVALID)))
    @APIResponse(responseCode = "412", description = "Tus-Resumable is missing or not 1.0.0", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "wrong version", value = ApiExamples.TUS_VERSION)))
    public Response overridden(@PathParam("id") String id, @PathParam("uploadId") String uploadId,
            @RestHeader("X-HTTP-Method-Override") String method, @RestHeader("Tus-Resumable") String version,
            @RestHeader("Content-Type") String contentType, @RestHeader("Upload-Offset") String offset,
            @RestHeader("Upload-Checksum") String checksum,
            @RequestBody(content = @Content(mediaType = OFFSET_OCTET_STREAM,
                    schema = @Schema(type = SchemaType.STRING, format = "binary"))) InputStream body) {
        String override = method == null ? "" : method.strip().toUpperCase();
        return switch (override) {
            case "PATCH" -> append(id, uploadId, version, contentType, offset, checksum, body);
            case "DELETE" -> terminate(id, uploadId, version);
            default -> throw ProblemException.badField("X-HTTP-Method-Override", "must be PATCH or DELETE");
        };
    }

    @DELETE
    @Path("/{uploadId}")
    @Operation(operationId = "cancelUpload", summary = "Give the upload up: what arrived is removed")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such upload of the caller's", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "not yours", value = ApiExamples.NOT_FOUND)))
    @APIResponse(responseCode = "412", description = "Tus-Resumable is missing or not 1.0.0", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "wrong version", value = ApiExamples.TUS_VERSION)))
    public Response terminate(@PathParam("id") String id, @PathParam("uploadId") String uploadId,
            @RestHeader("Tus-Resumable") String version) {
        requireVersion(version);
        uploads.terminate(Ids.require(id, "Case"), Ids.require(uploadId, "Upload"));
        return Response.noContent().build();
    }

    private static Response.ResponseBuilder progress(Response.ResponseBuilder response,
            ResumableUploads.Progress progress) {
        response.header("Upload-Offset", progress.offset()).header("Upload-Length", progress.length())
                .header("Upload-Expires", HTTP_DATE.format(progress.expires()));
        progress.document().ifPresent(d -> response.header("X-Document-Id", d.id()).header("X-Document-Sha256", d.sha256()));
        return response;
    }

    /** Every request but OPTIONS says which version of tus it speaks; this server speaks 1.0.0 only. */
    private static void requireVersion(String version) {
        if (!TusProtocol.VERSION.equals(version == null ? null : version.strip())) {
            throw new ProblemException(412, "Precondition failed", "Send Tus-Resumable: " + TusProtocol.VERSION
                    + "; this server speaks tus " + TusProtocol.VERSION,
                    List.of(new FieldError("Tus-Resumable", "must be " + TusProtocol.VERSION)));
        }
    }

    private static long number(String header, String value) {
        if (value == null || !value.strip().matches("[0-9]{1,18}")) {
            throw ProblemException.badField(header, "must be a whole number of bytes");
        }
        return Long.parseLong(value.strip());
    }

    /** {@code Upload-Metadata}: comma-separated pairs of a key and its base64 value (the value may be absent). */
    private static Map<String, String> metadata(String header) {
        Map<String, String> pairs = new HashMap<>();
        if (header == null || header.isBlank()) {
            return pairs;
        }
        for (String pair : header.split(",")) {
            String[] parts = pair.strip().split(" ", 2);
            if (parts[0].isEmpty() || !parts[0].matches("[A-Za-z0-9_.-]{1,64}")) {
                throw ProblemException.badField("Upload-Metadata", "holds a key that is not a plain word");
            }
            try {
                pairs.put(parts[0], parts.length < 2 ? ""
                        : new String(Base64.getDecoder().decode(parts[1].strip()), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badField("Upload-Metadata." + parts[0], "is not base64");
            }
        }
        return pairs;
    }

    /** {@code Upload-Checksum}: an algorithm of Tus-Checksum-Algorithm and the piece's digest in base64. */
    private static ResumableUploads.Checksum checksum(String header) {
        if (header == null) {
            return null;
        }
        String[] parts = header.strip().split(" ", 2);
        String algorithm = parts[0].toLowerCase();
        if (!ResumableUploads.Checksum.ALGORITHMS.contains(algorithm) || parts.length < 2) {
            throw ProblemException.badField("Upload-Checksum", "must be one of "
                    + String.join(", ", ResumableUploads.Checksum.ALGORITHMS) + " and the piece's digest in base64");
        }
        try {
            return new ResumableUploads.Checksum(algorithm, Base64.getDecoder().decode(parts[1].strip()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("Upload-Checksum", "the digest is not base64");
        }
    }
}
