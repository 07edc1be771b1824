package org.ipc.officehours;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ipc.common.InvalidInputException;

/** Answers office-hours questions from the same clock the engine uses, in the caller's time zone. */
@ApplicationScoped
public class OfficeHoursService {

    private static final int DAYS_SHOWN = 7;

    @Inject
    BusinessClock office;

    public OfficeHoursView at(String atText, String tzText) {
        Instant at = instant("at", atText);
        ZoneId zone = zone(tzText);
        boolean open = office.isOpen(at);
        return new OfficeHoursView(show(at, zone), zone.getId(), open, show(office.nextOpening(at), zone),
                open ? show(office.currentOrNextWindow(at).closes(), zone) : null, office.zone().getId(),
                office.days(at, DAYS_SHOWN).stream().map(day -> new OfficeHoursView.Day(day.date().toString(),
                        day.window().map(w -> show(w.opens(), zone)).orElse(null),
                        day.window().map(w -> show(w.closes(), zone)).orElse(null),
                        day.closedBecause().orElse(null))).toList());
    }

    public DeadlineView deadline(String fromText, String durationText, String tzText) {
        Instant from = instant("from", fromText);
        ZoneId zone = zone(tzText);
        BusinessDuration duration;
        try {
            duration = BusinessDuration.parse(durationText);
            office.checkDuration(duration);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.field("duration", e.getMessage());
        }
        return new DeadlineView(show(from, zone), duration.toString(), show(office.plus(from, duration), zone),
                zone.getId());
    }

    private Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return office.now();
        }
        Instant t;
        try {
            t = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
        } catch (DateTimeException e) {
            throw InvalidInputException.field(field,
                    "must be an ISO-8601 instant with an offset, such as 2026-11-20T16:00:00-05:00 or 2026-11-20T21:00:00Z");
        }
        try {
            office.checkDate(t);
        } catch (BeyondLimit e) {
            throw InvalidInputException.field(field, e.getMessage());
        }
        return t;
    }

    private ZoneId zone(String text) {
        if (text == null || text.isBlank()) {
            return office.zone();
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw InvalidInputException.field("tz", "must be an IANA time zone, such as America/Sao_Paulo");
        }
    }

    private static String show(Instant t, ZoneId zone) {
        return t.atZone(zone).toOffsetDateTime().toString();
    }
}
