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

/**
 * The one error mapper: every failure a REST call can meet becomes an {@code application/problem+json} answer
 * with a clear title, the offending fields where there are any, and never a stack trace or SQL.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, HttpHeaders headers) {
        return respond(e.status(), e.title(), e.getMessage(), e.errors(), uri, headers);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        if (e.getConstraintViolations().stream().anyMatch(ProblemMapper::isReturnValue)) {
            return unexpected(e, uri, headers);
        }
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v.getPropertyPath()), v.getMessage()))
                .distinct()
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        ProblemException p = ProblemException.badFields(errors);
        return respond(400, p.title(), p.getMessage(), errors, uri, headers);
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
                    List.of(new Problem.FieldError(field, message)), uri, headers);
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
        String requestId = requestId(headers);
        LOG.errorf(e, "Request %s to %s failed", requestId, uri.getPath());
        Problem body = new Problem(URI.create("about:blank"), "Internal error", 500,
                "The request could not be completed; quote request id " + requestId + " when you report it",
                uri.getPath(), requestId, List.of());
        return Response.status(500).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private Response unauthenticated(UriInfo uri, HttpHeaders headers) {
        Response r = respond(401, "Unauthorized", "Send a valid bearer token from the hospital's identity server",
                List.of(), uri, headers);
        return Response.fromResponse(r).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static Response respond(int status, String title, String detail, List<Problem.FieldError> errors,
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

    /** The field as the client named it: the method and parameter nodes of the path are left out. */
    static String fieldOf(Path path) {
        List<String> parts = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE -> { }
                case PARAMETER -> parameter = node.getName();
                default -> {
                    if (node.getIndex() != null && !parts.isEmpty()) {
                        int last = parts.size() - 1;
                        parts.set(last, parts.get(last) + "[" + node.getIndex() + "]");
                    }
                    if (node.getName() != null) {
                        parts.add(node.getName());
                    }
                }
            }
        }
        if (parts.isEmpty()) {
            return parameter == null ? "body" : parameter;
        }
        return String.join(".", parts);
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
