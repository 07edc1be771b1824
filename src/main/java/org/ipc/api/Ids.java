package org.ipc.api;

import java.util.Optional;
import java.util.UUID;
import org.ipc.common.NotFoundException;

/** Ids arrive in URLs as text; one that is not a UUID names nothing, so callers answer it with 404. */
public final class Ids {

    private Ids() {
    }

    /** The id, or a 404 for {@code what} when the text is not one. */
    public static UUID require(String id, String what) {
        return parse(id).orElseThrow(() -> new NotFoundException(what));
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
