package org.ipc.common;

/**
 * Text people write (names, messages, summaries, form notes) may hold line breaks and tabs but no other control
 * characters: a NUL cannot be stored in PostgreSQL and none of them belongs in what a person reads. The one check,
 * for JSON bodies and pages alike.
 */
public final class PlainText {

    /** Why such text is refused, as the field's error says it. */
    public static final String CONTROL_CHARACTERS =
            "must not contain control characters other than tabs and line breaks";

    private PlainText() {
    }

    /** No control characters (C0, DEL, C1) but tab, line feed and carriage return. */
    public static boolean acceptable(String text) {
        return text.chars().noneMatch(c -> Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n'
                && c != '\r');
    }
}
