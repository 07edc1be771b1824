package org.ipc.crypto;

/** How an identifier shows in every view: only its last four characters ({@code •••••4321}). */
public final class Masks {

    private static final String DOTS = "•••••";

    private Masks() {
    }

    public static String lastFour(String identifier) {
        if (identifier == null || identifier.isEmpty()) {
            return "";
        }
        return identifier.length() <= 4 ? DOTS : DOTS + identifier.substring(identifier.length() - 4);
    }
}
