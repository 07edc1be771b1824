package org.ipc.officehours;

/**
 * A duration or date the business clock refuses because it lies beyond the clock's stated limit
 * ({@link BusinessClock#LIMIT_YEARS} years); the message says what the limit is, callers name the field.
 */
public class BeyondLimit extends IllegalArgumentException {

    public BeyondLimit(String message) {
        super(message);
    }
}
