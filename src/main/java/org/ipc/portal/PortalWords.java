package org.ipc.portal;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every word of the physicians' pages in one of their languages, and dates and times written for them: in their
 * language and their own time zone. The words live in {@code src/main/resources/portal/words*.properties} (English
 * is the base every other language falls back to, key by key); dates come from java.time's localised formats.
 */
public final class PortalWords {

    /** The pages' languages, in the order the language menu offers them. */
    public static final List<String> LANGUAGES = List.of("en", "es", "pt", "zh", "ar");

    private static final ResourceBundle.Control NO_DEFAULT_LOCALE = ResourceBundle.Control
            .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String language;
    private final Locale locale;
    private final ZoneId zone;
    private final ResourceBundle words;

    PortalWords(String language, ZoneId zone) {
        this.language = LANGUAGES.contains(language) ? language : "en";
        this.locale = Locale.forLanguageTag(this.language);
        this.zone = zone;
        this.words = ResourceBundle.getBundle("portal.words", locale, NO_DEFAULT_LOCALE);
    }

    /** The page's language tag, for {@code <html lang>}. */
    public String lang() {
        return language;
    }

    /** Arabic is written right to left. */
    public String dir() {
        return "ar".equals(language) ? "rtl" : "ltr";
    }

    public String zone() {
        return zone.getId();
    }

    /** The words for a key; a key without words shows as itself, which the pages' test refuses. */
    public String t(String key) {
        try {
            return words.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** The words for a family's member, such as {@code of("status", "SUBMITTED")}: a status, a kind, a field. */
    public String of(String family, Object member) {
        return t(family + "." + member);
    }

    /** The words for a key with one value put in ({0}). */
    public String f(String key, Object value) {
        return new MessageFormat(t(key).replace("'", "''"), locale).format(new Object[] { value });
    }

    /** A moment in the physician's own time zone, in their language's way of writing it. */
    public String when(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone).format(at);
    }

    /**
     * An exact amount (a decimal string, as the API writes it) in its ISO 4217 currency, written the way the page's
     * language writes money, with the currency's own number of decimals.
     */
    public String money(String amount, String currency) {
        if (amount == null || currency == null) {
            return "";
        }
        java.util.Currency unit = java.util.Currency.getInstance(currency);
        java.text.NumberFormat format = java.text.NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(unit);
        format.setMinimumFractionDigits(Math.max(unit.getDefaultFractionDigits(), 0));
        format.setMaximumFractionDigits(Math.max(unit.getDefaultFractionDigits(), 0));
        return format.format(new java.math.BigDecimal(amount));
    }

    public String date(LocalDate day) {
        return day == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day);
    }

    /** A country's name in the page's language, from its ISO 3166 code. */
    public String country(String code) {
        return code == null ? "" : new Locale("", code).getDisplayCountry(locale);
    }

    /** A language's name in the page's language, from its BCP 47 tag. */
    public String languageName(String tag) {
        return tag == null ? "" : Locale.forLanguageTag(tag).getDisplayName(locale);
    }

    /** A size in bytes as people read it. */
    public String size(long bytes) {
        if (bytes < 1024) {
            return f("size.bytes", bytes);
        }
        if (bytes < 1024 * 1024) {
            return f("size.kb", Math.round(bytes / 1024.0));
        }
        return f("size.mb", String.format(locale, "%.1f", bytes / (1024.0 * 1024.0)));
    }
}
