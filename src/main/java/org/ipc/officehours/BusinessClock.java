package org.ipc.officehours;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one business-time clock: when the office is open, when it opens next, and deadlines counted in office
 * time. Office days are whole working weekdays that are neither public holidays nor configured closures; an
 * office day of business time is the length of one opening (08:00 to 17:00 is nine hours), so one business day
 * from Friday 16:00 is Monday 16:00. Wall-clock times are in the office's zone, so daylight-saving changes
 * and year ends need no special case.
 */
public class BusinessClock {

    /** No office works less than once in this many days; past it the configuration must be wrong. */
    private static final int SEARCH_DAYS = 3 * 366;
    /** Patients take calls between these local times. */
    static final LocalTime CALLS_FROM = LocalTime.of(8, 0);
    static final LocalTime CALLS_UNTIL = LocalTime.of(20, 0);
    /** How many office days ahead a call slot is looked for before settling for the first office hour. */
    private static final int CALL_SEARCH_WINDOWS = 10;

    /** One day as the office sees it: its hours, or why it is closed. */
    public record OfficeDay(LocalDate date, Optional<OfficeWindow> window, Optional<String> closedBecause) {
    }

    private final ZoneId zone;
    private final LocalTime opens;
    private final LocalTime closes;
    private final Set<DayOfWeek> days;
    private final Closures closures;
    private final Clock clock;
    private final Duration officeDay;

    public BusinessClock(ZoneId zone, LocalTime opens, LocalTime closes, Set<DayOfWeek> days, String holidays,
            List<String> extraClosures, Clock clock) {
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("ipc.office.opens must be before ipc.office.closes");
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("ipc.office.days names no day");
        }
        this.zone = zone;
        this.opens = opens;
        this.closes = closes;
        this.days = Set.copyOf(days);
        this.closures = new Closures(holidays, extraClosures);
        this.clock = clock;
        this.officeDay = Duration.between(opens, closes);
    }

    public ZoneId zone() {
        return zone;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Open at this instant: on an office day, from opening time up to (not including) closing time. */
    public boolean isOpen(Instant t) {
        return windowOn(t.atZone(zone).toLocalDate()).map(w -> !t.isBefore(w.opens()) && t.isBefore(w.closes()))
                .orElse(false);
    }

    /** {@code t} itself when the office is open then, else the next opening. */
    public Instant nextOpening(Instant t) {
        return isOpen(t) ? t : windowEndingAtOrAfter(t.plusNanos(1)).opens();
    }

    /** The opening the office is in at {@code t}, or the next one. */
    public OfficeWindow currentOrNextWindow(Instant t) {
        return windowEndingAtOrAfter(t.plusNanos(1));
    }

    /** The hours or the closure of each office-zone date from {@code from}'s date on. */
    public List<OfficeDay> days(Instant from, int count) {
        LocalDate first = from.atZone(zone).toLocalDate();
        List<OfficeDay> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            LocalDate date = first.plusDays(i);
            result.add(new OfficeDay(date, windowOn(date), closedBecause(date)));
        }
        return result;
    }

    /** {@code from} plus a business duration (a negative one counts back). Always lands within office hours. */
    public Instant plus(Instant from, BusinessDuration duration) {
        Duration remaining = duration.officeTime(officeDay, days.size());
        return duration.negative() ? back(from, remaining) : forward(from, remaining);
    }

    /**
     * A deadline {@code before} (business time) ahead of the office's first opening on {@code day} (or its next office
     * day): the deposit falls due seven business days before admission.
     */
    public Instant before(LocalDate day, BusinessDuration before) {
        Instant morning = currentOrNextWindow(day.atStartOfDay(zone).toInstant()).opens();
        return plus(morning, before.negative() ? before : before.negated());
    }

    /**
     * When to call a patient in {@code patientZone}, at or after {@code from}: the first moment that is both
     * within office hours and between 08:00 and 20:00 for the patient; if the two never meet in the next
     * office days, the first office hour.
     */
    public Instant callSlot(Instant from, ZoneId patientZone) {
        Instant cursor = from;
        for (int i = 0; i < CALL_SEARCH_WINDOWS; i++) {
            OfficeWindow w = windowEndingAtOrAfter(cursor.plusNanos(1));
            Instant start = cursor.isAfter(w.opens()) ? cursor : w.opens();
            for (LocalDate patientDate = start.atZone(patientZone).toLocalDate();
                    !patientDate.isAfter(w.closes().atZone(patientZone).toLocalDate());
                    patientDate = patientDate.plusDays(1)) {
                Instant callsFrom = ZonedDateTime.of(patientDate, CALLS_FROM, patientZone).toInstant();
                Instant callsUntil = ZonedDateTime.of(patientDate, CALLS_UNTIL, patientZone).toInstant();
                Instant slot = start.isAfter(callsFrom) ? start : callsFrom;
                Instant end = w.closes().isBefore(callsUntil) ? w.closes() : callsUntil;
                if (slot.isBefore(end)) {
                    return slot;
                }
            }
            cursor = w.closes();
        }
        return nextOpening(from);
    }

    private Instant forward(Instant from, Duration remaining) {
        Instant t = from;
        while (true) {
            OfficeWindow w = windowEndingAtOrAfter(t);
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
            OfficeWindow w = windowStartingAtOrBefore(t);
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

    /** The first office window whose closing is at or after {@code t}. */
    private OfficeWindow windowEndingAtOrAfter(Instant t) {
        LocalDate date = t.atZone(zone).toLocalDate();
        for (int i = 0; i < SEARCH_DAYS; i++, date = date.plusDays(1)) {
            Optional<OfficeWindow> w = windowOn(date);
            if (w.isPresent() && !w.get().closes().isBefore(t)) {
                return w.get();
            }
        }
        throw noOfficeDays();
    }

    /** The last office window whose opening is at or before {@code t}. */
    private OfficeWindow windowStartingAtOrBefore(Instant t) {
        LocalDate date = t.atZone(zone).toLocalDate();
        for (int i = 0; i < SEARCH_DAYS; i++, date = date.minusDays(1)) {
            Optional<OfficeWindow> w = windowOn(date);
            if (w.isPresent() && !w.get().opens().isAfter(t)) {
                return w.get();
            }
        }
        throw noOfficeDays();
    }

    private Optional<OfficeWindow> windowOn(LocalDate date) {
        if (closedBecause(date).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new OfficeWindow(ZonedDateTime.of(date, opens, zone).toInstant(),
                ZonedDateTime.of(date, closes, zone).toInstant()));
    }

    private Optional<String> closedBecause(LocalDate date) {
        if (!days.contains(date.getDayOfWeek())) {
            return Optional.of(date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY
                    ? "Weekend" : "Not an office day");
        }
        return closures.reason(date);
    }

    private static IllegalStateException noOfficeDays() {
        return new IllegalStateException("the office configuration leaves no open day within three years");
    }
}
