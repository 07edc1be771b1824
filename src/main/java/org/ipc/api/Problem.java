package org.ipc.api;

import java.net.URI;
import java.util.List;

import org.ipc.common.FieldError;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail: the one body every 4xx and 5xx answer carries.
 * {@code errors} lists each offending field when the request itself was wrong.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, String requestId,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

}
