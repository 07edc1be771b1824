package org.ipc.patients;

import java.util.Locale;
import java.util.Set;

/**
 * The language we write to a patient in (mails, estimates, itineraries): their preferred language when we have
 * texts for it (English, Spanish, Portuguese, Chinese, Arabic), otherwise English. Regional variants share their
 * language's texts.
 */
public final class PatientLanguage {

    public static final String FALLBACK = "en";
    public static final Set<String> SUPPORTED = Set.of("en", "es", "pt", "zh", "ar");
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar");

    private PatientLanguage() {
    }

    /** The supported language for a BCP 47 tag ({@code pt-BR} gives {@code pt}, {@code fr} gives {@code en}). */
    public static String of(String preferredLanguageTag) {
        String language = preferredLanguageTag == null ? "" : Locale.forLanguageTag(preferredLanguageTag).getLanguage();
        return SUPPORTED.contains(language) ? language : FALLBACK;
    }

    public static boolean isRightToLeft(String language) {
        return RIGHT_TO_LEFT.contains(language);
    }
}
