package org.ipc.common;

/**
 * The two rules for text people write, for JSON bodies and pages alike (and any door added later):
 * <ul>
 * <li>free text (messages, summaries, form notes) may hold line breaks and tabs but no other control characters: a
 * NUL cannot be stored in PostgreSQL and none of them belongs in what a person reads;</li>
 * <li>one-line text (names, references, addresses, subjects, titles) holds no control character at all, line breaks
 * and tabs included, nor Unicode's line and paragraph separators: such a value is written into mail headers, the
 * first line of a letter, a PDF's line, a CSV cell, where a line break would start something else.</li>
 * </ul>
 */
public final class PlainText {

    /** Why free text is refused, as the field's error says it. */
    public static final String CONTROL_CHARACTERS =
            "must not contain control characters other than tabs and line breaks";

    /** Why one-line text is refused, as the field's error says it. */
    public static final String NOT_ONE_LINE =
            "must be one line of text, without line breaks, tabs or other control characters";

    private PlainText() {
    }

    /** Free text: no control characters (C0, DEL, C1) but tab, line feed and carriage return. */
    public static boolean acceptable(String text) {
        return text.chars().noneMatch(c -> Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n'
                && c != '\r');
    }

    /** One line: no control character at all (tabs and line breaks included), no line or paragraph separator. */
    public static boolean isOneLine(String text) {
        return text.chars().noneMatch(PlainText::breaksTheLine);
    }

    /**
     * The text with every character that would break its line made a space: for one-line text read from somewhere
     * that did not hold it to {@link #isOneLine} (a token's claim, a row written before the rule).
     */
    public static String oneLine(String text) {
        if (text == null || isOneLine(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(breaksTheLine(c) ? ' ' : c));
        return out.toString();
    }

    private static boolean breaksTheLine(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
