package org.ipc.common;

/** The request is well formed but the object's state does not allow it now (a held task, an ended case). */
public class ConflictException extends DomainException {

    public ConflictException(String detail) {
        super(detail);
    }
}
