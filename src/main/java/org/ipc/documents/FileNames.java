package org.ipc.documents;

import java.util.Optional;

/** A client's file name is kept only when it is a plain name: no folders, no control characters, no tricks. */
final class FileNames {

    private FileNames() {
    }

    static Optional<String> check(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.strip();
        boolean plain = !n.isEmpty() && n.length() <= 255 && !n.equals(".") && !n.equals("..")
                && n.codePoints().noneMatch(c -> c < 0x20 || c == 0x7f || c == '/' || c == '\\' || c == ':'
                        || (c >= 0x80 && c < 0xa0) || c == 0x202e || c == 0x202d);
        return plain ? Optional.of(n) : Optional.empty();
    }
}
