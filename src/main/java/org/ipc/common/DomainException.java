package org.ipc.common;

import java.util.List;

/**
 * An expected failure that the caller must hear about, said in the domain's words (not found, conflict, invalid
 * input, content refused). Services throw these; only {@code api/ProblemMapper} turns them into HTTP answers.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String detail) {
        super(detail);
    }

    /** The fields at fault, if the failure is about some. */
    public List<FieldError> errors() {
        return List.of();
    }
}
