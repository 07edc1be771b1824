package org.ipc.common;

/** What was asked for does not exist, or the caller may not know that it does (another physician's case). */
public class NotFoundException extends DomainException {

    public NotFoundException(String what) {
        super(what + " was not found");
    }
}
