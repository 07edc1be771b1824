package org.ipc.officehours;

import java.time.Instant;

/** One open stretch of the office, {@code [opens, closes]}. */
public record OfficeWindow(Instant opens, Instant closes) {

    /** Inside the window, both ends included: a deadline at closing time is still within office hours. */
    public boolean contains(Instant t) {
        return !t.isBefore(opens) && !t.isAfter(closes);
    }
}
