package org.ipc.common;

import java.util.List;

/** An uploaded file that is refused for what it is, not for how it was sent: too large, or of a type we do not keep. */
public class RejectedContentException extends DomainException {

    public enum Reason {
        TOO_LARGE, UNSUPPORTED_TYPE
    }

    private final Reason reason;
    private final String title;
    private final FieldError error;

    public RejectedContentException(Reason reason, String title, String field, String message) {
        super(field + ": " + message);
        this.reason = reason;
        this.title = title;
        this.error = new FieldError(field, message);
    }

    public Reason reason() {
        return reason;
    }

    public String title() {
        return title;
    }

    @Override
    public List<FieldError> errors() {
        return List.of(error);
    }
}
