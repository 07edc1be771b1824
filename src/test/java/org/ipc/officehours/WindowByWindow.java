package org.ipc.officehours;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The business clock's deadlines as they were first written: one office window after the other. Slow (its cost
 * grows with the office days counted) but plain, so the fast clock is checked against it.
 */
final class WindowByWindow {

    private final BusinessClock office;

    WindowByWindow(BusinessClock office) {
        this.office = office;
    }

    Instant plus(Instant from, BusinessDuration duration) {
        Duration remaining = duration.officeTime(Duration.ofHours(9), 5);
        return duration.negative() ? back(from, remaining) : forward(from, remaining);
    }

    private Instant forward(Instant from, Duration remaining) {
        Instant t = from;
        while (true) {
            OfficeWindow w = endingAtOrAfter(t);
            if (t.isBefore(w.opens())) {
                t = w.opens();
            }
            Duration available = Duration.between(t, w.closes());
            if (remaining.compareTo(available) <= 0) {
                return t.plus(remaining);
            }
            remaining = remaining.minus(available);
            t = w.closes().plusNanos(1);
        }
    }

    private Instant back(Instant from, Duration remaining) {
        Instant t = from;
        while (true) {
            OfficeWindow w = startingAtOrBefore(t);
            if (t.isAfter(w.closes())) {
                t = w.closes();
            }
            Duration available = Duration.between(w.opens(), t);
            if (remaining.compareTo(available) <= 0) {
                return t.minus(remaining);
            }
            remaining = remaining.minus(available);
            t = w.opens().minusNanos(1);
        }
    }

    private OfficeWindow endingAtOrAfter(Instant t) {
        LocalDate date = t.atZone(office.zone()).toLocalDate();
        for (int i = 0; i < 3 * 366; i++, date = date.plusDays(1)) {
            var w = window(date);
            if (w != null && !w.closes().isBefore(t)) {
                return w;
            }
        }
        throw new IllegalStateException("no office day");
    }

    private OfficeWindow startingAtOrBefore(Instant t) {
        LocalDate date = t.atZone(office.zone()).toLocalDate();
        for (int i = 0; i < 3 * 366; i++, date = date.minusDays(1)) {
            var w = window(date);
            if (w != null && !w.opens().isAfter(t)) {
                return w;
            }
        }
        throw new IllegalStateException("no office day");
    }

    private OfficeWindow window(LocalDate date) {
        return office.days(date.atStartOfDay(office.zone()).toInstant(), 1).get(0).window().orElse(null);
    }
}
