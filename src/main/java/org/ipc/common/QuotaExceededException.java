package org.ipc.common;

import java.util.List;

/**
 * A request would take the caller past one of their quotas (the uploads a physician or a case may hold open): 413,
 * naming the limit by its setting, so the caller knows which one and an operator knows where to change it.
 */
public class QuotaExceededException extends DomainException {

    private final FieldError limit;

    public QuotaExceededException(String setting, String message) {
        super(setting + ": " + message);
        this.limit = new FieldError(setting, message);
    }

    @Override
    public List<FieldError> errors() {
        return List.of(limit);
    }
}
