package org.ipc.api;

import java.util.Optional;
import java.util.UUID;

/** Ids arrive in URLs as text; one that is not a UUID names nothing, so callers answer it with 404. */
public final class Ids {

    private Ids() {
    }

    /** The id, or a 404 for {@code what} when the text is not one. */
    public static UUID require(String id, String what) {
        return parse(id).orElseThrow(() -> ProblemException.notFound(what));
    }

    /**
     * An engine id (a task's, a process instance's) as the engine makes them: up to 64 letters, digits and dashes;
     * anything else names nothing, and is answered with a 404 for {@code what} before the engine is asked.
     */
    public static String requireEngineId(String id, String what) {
        if (id == null || id.isEmpty() || id.length() > 64 || !id.chars().allMatch(c -> c < 0x80
                && (Character.isLetterOrDigit(c) || c == '-'))) {
            throw ProblemException.notFound(what);
        }
        return id;
    }

    public static Optional<UUID> parse(String id) {
        if (id == null || id.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
