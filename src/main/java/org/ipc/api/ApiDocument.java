package org.ipc.api;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The OpenAPI document's frame (/q/openapi; on the JAX-RS application, where the scanner looks for it, which changes
 * nothing else: every resource is still found by itself): what the API is, where it runs, its licence, the five tags that say who
 * uses an operation, and the problem answers every operation shares. {@link ApiDocumentFilter} fits each operation
 * into it; the rules for changing the document are in docs/api.md.
 */
@OpenAPIDefinition(
        info = @Info(title = "International Patient Coordination Service", version = "1.0.0",
                description = "The REST API of a hospital's International Patient Center: referring physicians submit"
                        + " and follow cases, the Center's staff work the tasks the coordination processes create."
                        + " JSON over HTTPS, bearer tokens from the hospital's Keycloak realm, errors as RFC 9457"
                        + " problem details (application/problem+json) naming the offending field. Changes within /api"
                        + " are additive; a breaking change gets a new path and a deprecation period (docs/api.md).",
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        servers = @Server(url = "https://ipc.hospital.example", description = "A hospital's deployment: use your own"
                + " host (on one machine, ./mvnw quarkus:dev serves http://localhost:8080)"),
        tags = {
                @Tag(name = ApiDocument.PHYSICIANS, description = "A referring physician's own cases (role physician):"
                        + " submit a case, follow its status and history, send records (in one request, or resumable"
                        + " by tus 1.0 for large files), exchange messages with the coordinator, withdraw. Another"
                        + " physician's case answers 404."),
                @Tag(name = ApiDocument.INBOX, description = "The Center's staff (roles coordinator, specialist, finance,"
                        + " supervisor): the tasks the processes create, saved filters, the whole case behind a task"
                        + " with its documents, messages, itinerary and visa letters, colleagues and absences."),
                @Tag(name = ApiDocument.FINANCE, description = "Money for treatment visits (role finance; coordinators"
                        + " and supervisors read): cost estimates, payments received, the deposit that lets a visit"
                        + " go on."),
                @Tag(name = ApiDocument.ADMINISTRATION, description = "Administrators (role admin): the audit trail of"
                        + " who read or changed patient data, engine jobs that failed for good, the task read model,"
                        + " the data key."),
                @Tag(name = ApiDocument.PUBLIC, description = "What needs no role: office hours and business-time"
                        + " deadlines, the check of a visa invitation letter (no token; rate-limited per client"
                        + " address), and the departments a case can go to (any signed-in user).") },
        components = @Components(
                schemas = @Schema(name = "Problem", implementation = Problem.class),
                responses = {
                        @APIResponse(name = ApiDocument.INVALID, responseCode = "400", description = "A field, a parameter"
                                + " or the request line is wrong; each offending field is named in errors",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(ref = ApiDocument.PROBLEM_SCHEMA),
                                        examples = @ExampleObject(name = "invalid fields", value = ApiExamples.INVALID))),
                        @APIResponse(name = ApiDocument.UNAUTHORIZED, responseCode = "401",
                                description = "No bearer token, or one that is expired, forged or for another client",
                                headers = @Header(name = "WWW-Authenticate", description = "Bearer",
                                        schema = @Schema(type = SchemaType.STRING)),
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(ref = ApiDocument.PROBLEM_SCHEMA),
                                        examples = @ExampleObject(name = "no token", value = ApiExamples.UNAUTHORIZED))),
                        @APIResponse(name = ApiDocument.FORBIDDEN, responseCode = "403",
                                description = "The caller's roles do not allow this operation",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(ref = ApiDocument.PROBLEM_SCHEMA),
                                        examples = @ExampleObject(name = "wrong role", value = ApiExamples.FORBIDDEN))),
                        @APIResponse(name = ApiDocument.NOT_FOUND, responseCode = "404", description = "Nothing with"
                                + " this id that the caller may see (another physician's case answers the same)",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(ref = ApiDocument.PROBLEM_SCHEMA),
                                        examples = @ExampleObject(name = "not found", value = ApiExamples.NOT_FOUND))),
                        @APIResponse(name = ApiDocument.TOO_LARGE, responseCode = "413",
                                description = "The body is over the limit (JSON: 1 MB; uploads: the file limit)",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(ref = ApiDocument.PROBLEM_SCHEMA),
                                        examples = @ExampleObject(name = "too large", value = ApiExamples.BODY_TOO_LARGE))),
                        @APIResponse(name = ApiDocument.UNSUPPORTED, responseCode = "415",
                                description = "The body is not of the media type the operation takes",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(ref = ApiDocument.PROBLEM_SCHEMA),
                                        examples = @ExampleObject(name = "not JSON", value = ApiExamples.NOT_JSON))),
                        @APIResponse(name = ApiDocument.TOO_MANY, responseCode = "429",
                                description = "Too many requests from the caller's address to this endpoint",
                                headers = @Header(name = "Retry-After", description = "Seconds to wait",
                                        schema = @Schema(type = SchemaType.INTEGER)),
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(ref = ApiDocument.PROBLEM_SCHEMA),
                                        examples = @ExampleObject(name = "over the limit", value = ApiExamples.TOO_MANY))),
                        @APIResponse(name = ApiDocument.FAILED, responseCode = "500", description = "An unexpected"
                                + " failure; nothing was changed. Quote the request id when reporting it",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(ref = ApiDocument.PROBLEM_SCHEMA),
                                        examples = @ExampleObject(name = "failed", value = ApiExamples.FAILED))),
                        @APIResponse(name = ApiDocument.UNAVAILABLE, responseCode = "503", description = "The database"
                                + " cannot be reached for a moment; the same request (a submission with the same"
                                + " Idempotency-Key) is safe to repeat after Retry-After",
                                headers = @Header(name = "Retry-After", description = "Seconds to wait",
                                        schema = @Schema(type = SchemaType.INTEGER)),
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(ref = ApiDocument.PROBLEM_SCHEMA),
                                        examples = @ExampleObject(name = "database away", value = ApiExamples.UNAVAILABLE))) }))
public class ApiDocument extends Application {

    /** Tags: who uses an operation. Every operation has exactly one; a generated client has one class per tag. */
    public static final String PHYSICIANS = "Referring physicians";
    public static final String INBOX = "Inbox";
    public static final String FINANCE = "Finance";
    public static final String ADMINISTRATION = "Administration";
    public static final String PUBLIC = "Public";

    /** The shared problem answers, under components/responses. */
    public static final String INVALID = "InvalidRequest";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String NOT_FOUND = "NotFound";
    public static final String TOO_LARGE = "TooLarge";
    public static final String UNSUPPORTED = "UnsupportedMediaType";
    public static final String TOO_MANY = "TooManyRequests";
    public static final String FAILED = "InternalError";
    public static final String UNAVAILABLE = "ServiceUnavailable";

    static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    /** The page of documents an upload answers, as the lists of documents name it. */
    public static final String DOCUMENT_PAGE_SCHEMA = "#/components/schemas/PageDocumentView";

    /** The header that makes a submission or an upload safe to retry ({@link Idempotent}). */
    public static final String IDEMPOTENCY_KEY = "A key of the caller's choosing (1 to 255 visible ASCII characters; a"
            + " new UUID per request is good) that makes a retry safe: the same request again with the same key gets"
            + " the first answer again and changes nothing; the same key with a different request is a 422. Keys"
            + " belong to the caller and the operation.";
    public static final String IDEMPOTENCY_KEY_EXAMPLE = "7c0e8e36-52f5-4b0e-9a5c-31f8d2a4e9b7";

    /** The Location header of a 201 answer. */
    public static final String LOCATION = "Where the new resource is read from";

}
