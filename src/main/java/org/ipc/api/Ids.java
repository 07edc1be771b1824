package org.ipc.api;

import java.util.Optional;
import java.util.UUID;

/** Ids arrive in URLs as text; one that is not a UUID names nothing, so callers answer it with 404. */
public final class Ids {

    private Ids() {
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
