package org.ipc.common;

/**
 * A sealed value (a passport number, the key of a sealed document) did not open for the row it is stored in: it was
 * changed, or moved there from another row. Nothing of it is shown; the refusal is logged for the administrators
 * (table, row and field, never the value) and the caller hears that it was reported.
 */
public class SealedValueRefusedException extends DomainException {

    private final String where;

    public SealedValueRefusedException(String where) {
        super("A sealed value of " + where + " does not belong to it (changed or moved from another row); nothing of "
                + "it is shown, and this was reported to the administrators");
        this.where = where;
    }

    /** The table, row and field, e.g. {@code document 8f2... content_key}. */
    public String where() {
        return where;
    }
}
