package org.ipc.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.ipc.common.DatabaseOutage;
import org.ipc.common.ConflictException;
import org.ipc.common.DomainException;
import org.ipc.common.FieldError;
import org.ipc.common.InvalidInputException;
import org.ipc.common.NotAllowedException;
import org.ipc.common.NotFoundException;
import org.ipc.common.QuotaExceededException;
import org.ipc.common.SealedValueRefusedException;
import org.ipc.common.RejectedContentException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.ipc.common.Causes;
import org.ipc.security.RequestIds;

/**
 * The one error mapper: every failure a REST call can meet becomes an {@code application/problem+json} answer
 * with a clear title, the offending fields where there are any, and never a stack trace or SQL.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final OutageLog OUTAGE_LOG = new OutageLog(LOG);

    /** Seconds a client is asked to wait when the database is away: a restart or a fail-over takes a few. */
    static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, HttpHeaders headers) {
        return respond(e.status(), e.title(), e.getMessage(), e.errors(), uri, headers);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri, HttpHeaders headers) {
        return respond(404, "Not found", e.getMessage(), List.of(), uri, headers);
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri, HttpHeaders headers) {
        return respond(409, "Conflict", e.getMessage(), List.of(), uri, headers);
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e, UriInfo uri, HttpHeaders headers) {
        return respond(400, "Invalid request", e.getMessage(), e.errors(), uri, headers);
    }

    @ServerExceptionMapper
    public Response rejectedContent(RejectedContentException e, UriInfo uri, HttpHeaders headers) {
        int status = switch (e.reason()) {
            case TOO_LARGE -> 413;
            case UNSUPPORTED_TYPE -> 415;
        };
        return respond(status, e.title(), e.getMessage(), e.errors(), uri, headers);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri, HttpHeaders headers) {
        return respond(403, "Forbidden", e.getMessage(), List.of(), uri, headers);
    }

    @ServerExceptionMapper
    public Response quota(QuotaExceededException e, UriInfo uri, HttpHeaders headers) {
        return respond(413, "Upload quota reached", e.getMessage(), e.errors(), uri, headers);
    }

    /** Logged where it was found (crypto/FieldCipher, with its table, row and field); here only answered. */
    @ServerExceptionMapper
    public Response sealedValueRefused(SealedValueRefusedException e, UriInfo uri, HttpHeaders headers) {
        return respond(500, "Sealed value refused", e.getMessage(), List.of(), uri, headers);
    }

    /** A domain failure without a mapping of its own would be a programming error: never a 500 in disguise. */
    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri, HttpHeaders headers) {
        return unexpected(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        if (e.getConstraintViolations().stream().anyMatch(ProblemMapper::isReturnValue)) {
            return unexpected(e, uri, headers);
        }
        List<FieldError> errors = Violations.fieldErrors(e);
        InvalidInputException p = new InvalidInputException(errors);
        return respond(400, "Invalid request", p.getMessage(), errors, uri, headers);
    }

    /** Quarkus ships its own mapper for this subtype; ours must be at least as specific to win. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        return unreadableJson(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        JsonParseException syntax = Causes.find(e, JsonParseException.class).orElse(null);
        if (syntax != null) {
            String where = syntax.getLocation() == null ? ""
                    : " at line " + syntax.getLocation().getLineNr() + ", column " + syntax.getLocation().getColumnNr();
            return respond(400, "Malformed JSON", "The request body is not valid JSON" + where, List.of(), uri,
                    headers);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping);
            String message = describe(mapping);
            return respond(400, "Invalid request", field + ": " + message,
                    List.of(new FieldError(field, message)), uri, headers);
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return respond(400, "Malformed JSON", "The request body is not valid JSON" + where, List.of(), uri, headers);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri, HttpHeaders headers) {
        return unauthenticated(uri, headers);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri, HttpHeaders headers) {
        return unauthenticated(uri, headers);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return respond(403, "Forbidden", "Your role does not allow this action", List.of(), uri, headers);
    }

    @ServerExceptionMapper
    public Response concurrentChange(OptimisticLockException e, UriInfo uri, HttpHeaders headers) {
        return respond(409, "Conflict", "The record was changed by someone else at the same time; reload and retry",
                List.of(), uri, headers);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        Optional<JsonProcessingException> json = Causes.find(e, JsonProcessingException.class);
        if (json.isPresent()) {
            return unreadableJson(json.get(), uri, headers);
        }
        LOG.debugf(e, "Client error %d on %s", status, uri.getPath());
        if (status >= 500) {
            return unexpected(e, uri, headers);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Request failed" : type.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No resource at " + uri.getPath();
            case 405 -> "This method is not allowed here";
            case 406 -> "The requested media type cannot be produced";
            case 415 -> "Send the body as application/json";
            default -> title;
        };
        return respond(status, title, detail, List.of(), uri, headers);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        if (DatabaseOutage.isCause(e)) {
            return unavailable(e, uri, headers);
        }
        String requestId = requestId(headers);
        LOG.errorf(e, "Request %s to %s failed", requestId, uri.getPath());
        Problem body = new Problem(URI.create("about:blank"), "Internal error", 500,
                "The request could not be completed; quote request id " + requestId + " when you report it",
                uri.getPath(), requestId, List.of());
        return Response.status(500).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /**
     * The database cannot be reached for a moment (a restart, a fail-over, the pool exhausted). The same request a
     * few seconds later will work, and is safe: reads change nothing, and a submission repeated with its
     * Idempotency-Key is done once even if the first attempt did commit. A 503 with Retry-After tells clients and
     * balancers "try again", where a 500 would say "bug"; the log says it once in a while, without a stack trace.
     */
    private Response unavailable(Throwable e, UriInfo uri, HttpHeaders headers) {
        OUTAGE_LOG.warn("Database unavailable: answering 503 to request %s on %s (%s)".formatted(requestId(headers),
                uri.getPath(), DatabaseOutage.describe(e)));
        Response r = respond(503, "Service unavailable",
                "The database cannot be reached at the moment; try again in a few seconds (a submission with the same "
                        + "Idempotency-Key is safe to repeat)", List.of(), uri, headers);
        return Response.fromResponse(r).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    private Response unauthenticated(UriInfo uri, HttpHeaders headers) {
        Response r = respond(401, "Unauthorized", "Send a valid bearer token from the hospital's identity server",
                List.of(), uri, headers);
        return Response.fromResponse(r).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static Response respond(int status, String title, String detail, List<FieldError> errors,
            UriInfo uri, HttpHeaders headers) {
        Problem body = new Problem(URI.create("about:blank"), title, status, detail, uri.getPath(),
                requestId(headers), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /** The id {@link RequestIds} gave this request (checked there, so a header cannot inject into bodies). */
    private static String requestId(HttpHeaders headers) {
        return headers.getHeaderString(RequestIds.HEADER);
    }

    private static boolean isReturnValue(ConstraintViolation<?> v) {
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String describe(JsonMappingException e) {
        if (e instanceof TextWithoutControls.ControlCharacter) {
            return TextWithoutControls.ControlCharacter.MESSAGE;
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            Class<?> target = invalid.getTargetType();
            if (target.isEnum()) {
                return "must be one of " + Arrays.stream(target.getEnumConstants()).map(Object::toString)
                        .collect(Collectors.joining(", "));
            }
            return "is not a valid " + friendlyType(target);
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "must be " + friendlyType(mismatched.getTargetType());
        }
        return "could not be read";
    }

    private static String friendlyType(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "Instant", "OffsetDateTime" -> "timestamp (ISO-8601)";
            case "boolean", "Boolean" -> "true or false";
            case "int", "Integer", "long", "Long" -> "a whole number";
            case "String" -> "a string";
            default -> type.isEnum() ? "one of the listed values"
                    : type.isRecord() || !type.getName().startsWith("java") ? "an object" : type.getSimpleName();
        };
    }
}
