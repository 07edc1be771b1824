package org.ipc.common;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Reads an enum value a client sent as text; an unknown one is invalid input naming the field and the choices. */
public final class Enums {

    private Enums() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String field, String text) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(text)) {
                return value;
            }
        }
        throw InvalidInputException.field(field, "must be one of " + Arrays.stream(type.getEnumConstants())
                .map(Enum::name).collect(Collectors.joining(", ")));
    }
}
