package org.ipc.common;

/**
 * The caller reaches the object but may not do this with it, or see this part of it (finance reading a case's
 * conversation): 403. An object outside the caller's reach is a {@link NotFoundException} instead.
 */
public class NotAllowedException extends DomainException {

    public NotAllowedException(String detail) {
        super(detail);
    }
}
