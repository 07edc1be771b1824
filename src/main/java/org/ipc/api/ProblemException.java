package org.ipc.api;

import java.util.List;

import org.ipc.common.FieldError;

/**
 * An HTTP-level failure of the API's own plumbing (an Idempotency-Key reused for another request) with its status;
 * services throw the domain's exceptions of {@code org.ipc.common} instead.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<FieldError> errors;

    public ProblemException(int status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException badField(String field, String message) {
        return new ProblemException(400, "Invalid request", field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
