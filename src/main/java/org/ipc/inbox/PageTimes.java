package org.ipc.inbox;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ipc.officehours.BusinessClock;

/**
 * Times as the inbox pages write them: in office time ("Mon 7 Dec, 16:00"), and, where a patient is concerned, in
 * the patient's own time beside it ("14:00 in São Paulo").
 */
@ApplicationScoped
public class PageTimes {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.US);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.US);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.US);

    @Inject
    BusinessClock office;

    /** In office time, e.g. "Mon 7 Dec, 16:00". */
    public String office(Instant t) {
        return t == null ? "" : WHEN.format(t.atZone(office.zone()));
    }

    /** The office's zone as people say it, e.g. "Eastern time (New York)". */
    public String officeZone() {
        return zoneName(office.zone(), Instant.now());
    }

    /** In the patient's zone, e.g. "Tue 8 Dec, 06:00 in Dubai"; only the hour when the day is the office's. */
    public String patient(Instant t, String zone) {
        if (t == null || zone == null) {
            return "";
        }
        ZonedDateTime there = t.atZone(ZoneId.of(zone));
        ZonedDateTime here = t.atZone(office.zone());
        String when = there.toLocalDate().equals(here.toLocalDate()) ? HOUR.format(there) : WHEN.format(there);
        return when + " in " + city(zone);
    }

    /** The patient's local time now, e.g. "Tue 8 Dec, 06:00 (Dubai, UTC+04:00)". */
    public String patientNow(String zone) {
        ZonedDateTime there = Instant.now().atZone(ZoneId.of(zone));
        String offset = there.getOffset().getId();
        return WHEN.format(there) + " (" + city(zone) + ", UTC" + ("Z".equals(offset) ? "" : offset) + ")";
    }

    /** The office date of a moment. */
    public java.time.LocalDate officeDate(Instant t) {
        return t.atZone(office.zone()).toLocalDate();
    }

    public String day(java.time.LocalDate d) {
        return d == null ? "" : DAY.format(d);
    }

    private static String zoneName(ZoneId zone, Instant at) {
        return zone.getDisplayName(TextStyle.FULL, Locale.US).replace(" Time", " time") + ", " + city(zone.getId());
    }

    static String city(String zone) {
        return zone.substring(zone.lastIndexOf('/') + 1).replace('_', ' ');
    }
}
