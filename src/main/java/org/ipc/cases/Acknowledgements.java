package org.ipc.cases;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.ipc.patients.PatientLanguage;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** Writes a case's acknowledgement in the patient's language and time zone. */
@ApplicationScoped
public class Acknowledgements {

    /** The acknowledgement, or null while the process has not acknowledged the case yet. */
    public Acknowledgement of(String reference, Instant acknowledgedAt, Boolean officeOpen, Instant officeOpensAt,
            String preferredLanguage, String timeZone) {
        if (acknowledgedAt == null) {
            return null;
        }
        String language = PatientLanguage.of(preferredLanguage);
        ZoneId zone = ZoneId.of(timeZone);
        ZonedDateTime opens = officeOpensAt.atZone(zone);
        AcknowledgementMessages messages = MessageBundles.get(AcknowledgementMessages.class,
                Localized.Literal.of(language));
        String message = Boolean.TRUE.equals(officeOpen) ? messages.receivedWhileOpen(reference)
                : messages.receivedWhileClosed(reference, readable(opens, language), timeZone);
        return new Acknowledgement(acknowledgedAt, Boolean.TRUE.equals(officeOpen),
                opens.toOffsetDateTime().toString(), timeZone, language, message);
    }

    /** A date and time as people of that language write it: "Monday, November 23, 2026, 10:00 AM". */
    public static String readable(ZonedDateTime t, String language) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                .withLocale(Locale.forLanguageTag(language)).format(t);
    }
}
