package org.ipc.common;

import java.util.Locale;

/**
 * Codes in words for people to read: a BCP 47 language tag ({@code pt-BR} is "Portuguese (Brazil)"), an ISO 3166
 * country ({@code BR} is "Brazil"), an enum constant ({@code SECOND_OPINION} is "Second opinion"). The API keeps the
 * codes; pages and the display fields of the API show these.
 */
public final class Words {

    private Words() {
    }

    /** The language of a BCP 47 tag, in English; the tag itself when the JDK does not know it. */
    public static String language(String tag) {
        if (tag == null || tag.isBlank()) {
            return "";
        }
        Locale locale = Locale.forLanguageTag(tag);
        String name = locale.getDisplayLanguage(Locale.ENGLISH);
        if (name.isEmpty() || name.equalsIgnoreCase(locale.getLanguage())) {
            return tag;
        }
        String country = locale.getDisplayCountry(Locale.ENGLISH);
        return country.isEmpty() ? name : name + " (" + country + ")";
    }

    /** An ISO 3166-1 alpha-2 country in English; the code itself when the JDK does not know it. */
    public static String country(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isEmpty() || name.equalsIgnoreCase(code) ? code : name;
    }

    /** An enum constant as a phrase: {@code RECORDS_REQUESTED} is "Records requested", FOLLOW_UP "Follow-up". */
    public static String of(Enum<?> value) {
        return value == null ? "" : phrase(value.name());
    }

    /** A constant's name ({@code UNDER_REVIEW}) or a code ({@code second-opinion}) as a phrase. */
    public static String phrase(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String lower = code.replace('_', ' ').replace('-', ' ').toLowerCase(Locale.ROOT).strip();
        lower = lower.replace("follow up", "follow-up");
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
