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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one business-time clock: when the office is open, when it opens next, and deadlines counted in office
 * time. Office days are whole working weekdays that are neither public holidays nor configured closures; an
 * office day of business time is the length of one opening (08:00 to 17:00 is nine hours), so one business day
 * from Friday 16:00 is Monday 16:00. Wall-clock times are in the office's zone, so daylight-saving changes
 * and year ends need no special case.
 *
 * <p>Each calendar year's openings are worked out once (holidays and closures included) with the office time
 * before each, so a deadline jumps a whole year at a time and finds its day by binary search: its cost does not
 * grow with the number of office days. Durations and dates beyond {@link #LIMIT_YEARS} years are refused
 * ({@link BeyondLimit}), which also bounds the years worked out and kept.
 */
public class BusinessClock {

    /** The clock answers for dates this many years either side of now, and for durations up to this long. */
    public static final int LIMIT_YEARS = 10;
    /** The longest business duration accepted: {@value #LIMIT_YEARS} years of office weeks. */
    public static final BusinessDuration LONGEST = new BusinessDuration(false, 52L * LIMIT_YEARS, 0, Duration.ZERO);
    /** What the limits are, in the words error answers use. */
    public static final String DURATION_LIMIT = "must be at most " + LIMIT_YEARS + " years of office time ("
            + LONGEST + ")";
    public static final String DATE_LIMIT = "must be within " + LIMIT_YEARS + " years of today";

    /** Years worked out and kept: the limits keep the years asked for well below this, it is a backstop. */
    private static final int MAX_YEARS_KEPT = 100;
    /** No office works less than once in this many years; past it the configuration must be wrong. */
    private static final int SEARCH_YEARS = 3;
    /** Patients take calls between these local times. */
    static final LocalTime CALLS_FROM = LocalTime.of(8, 0);
    static final LocalTime CALLS_UNTIL = LocalTime.of(20, 0);
    /** How many office days ahead a call slot is looked for before settling for the first office hour. */
    private static final int CALL_SEARCH_WINDOWS = 10;

    /** One day as the office sees it: its hours, or why it is closed. */
    public record OfficeDay(LocalDate date, Optional<OfficeWindow> window, Optional<String> closedBecause) {
    }

    /**
     * One calendar year's openings in order, and the office time (nanoseconds) before each: {@code before[i]} is
     * the time of windows {@code 0..i-1}, {@code before[n]} the year's total.
     */
    private record Year(int year, OfficeWindow[] windows, long[] before) {

        int size() {
            return windows.length;
        }

        long total() {
            return before[windows.length];
        }
    }

    private final ZoneId zone;
    private final LocalTime opens;
    private final LocalTime closes;
    private final Set<DayOfWeek> days;
    private final Closures closures;
    private final Clock clock;
    private final Duration officeDay;
    private final Map<Integer, Year> years = new ConcurrentHashMap<>();

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

    /** Refuses a duration longer than {@link #LONGEST} either way; answers its office time in nanoseconds. */
    public long checkDuration(BusinessDuration duration) {
        long nanos;
        try {
            nanos = duration.officeTime(officeDay, days.size()).toNanos();
        } catch (ArithmeticException tooLongToCount) {
            throw new BeyondLimit(DURATION_LIMIT);
        }
        if (nanos > LONGEST.officeTime(officeDay, days.size()).toNanos()) {
            throw new BeyondLimit(DURATION_LIMIT);
        }
        return nanos;
    }

    /**
     * Refuses an instant more than {@link #LIMIT_YEARS} years before or after now. {@link #plus} checks its start;
     * whoever passes a date from outside to the other methods checks it first (the public endpoints, task forms).
     */
    public void checkDate(Instant t) {
        if (!withinDateLimits(t)) {
            throw new BeyondLimit(DATE_LIMIT);
        }
    }

    /** Whether {@link #checkDate} accepts {@code t}. */
    public boolean withinDateLimits(Instant t) {
        LocalDate today = now().atZone(zone).toLocalDate();
        LocalDate date = t.atZone(zone).toLocalDate();
        return !date.isBefore(today.minusYears(LIMIT_YEARS)) && !date.isAfter(today.plusYears(LIMIT_YEARS));
    }

    /** Open at this instant: on an office day, from opening time up to (not including) closing time. */
    public boolean isOpen(Instant t) {
        return windowOn(t.atZone(zone).toLocalDate()).map(w -> !t.isBefore(w.opens()) && t.isBefore(w.closes()))
                .orElse(false);
    }

    /** {@code t} itself when the office is open then, else the next opening. */
    public Instant nextOpening(Instant t) {
        return isOpen(t) ? t : currentOrNextWindow(t).opens();
    }

    /** The opening the office is in at {@code t}, or the next one. */
    public OfficeWindow currentOrNextWindow(Instant t) {
        Instant after = t.plusNanos(1);
        Position p = endingAtOrAfter(after);
        return p.year().windows()[p.index()];
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

    /**
     * {@code from} plus a business duration (a negative one counts back). Always lands within office hours.
     * Refuses a {@code from} or a duration beyond the limits ({@link BeyondLimit}).
     */
    public Instant plus(Instant from, BusinessDuration duration) {
        long remaining = checkDuration(duration);
        checkDate(from);
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
            Position p = endingAtOrAfter(cursor.plusNanos(1));
            OfficeWindow w = p.year().windows()[p.index()];
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

    /** A window by its year and index. */
    private record Position(Year year, int index) {
    }

    private Instant forward(Instant from, long remaining) {
        Position p = endingAtOrAfter(from);
        Year year = p.year();
        OfficeWindow w = year.windows()[p.index()];
        Instant start = from.isBefore(w.opens()) ? w.opens() : from;
        long available = nanosBetween(start, w.closes());
        if (remaining <= available) {
            return start.plusNanos(remaining);
        }
        remaining -= available;
        long base = year.before()[p.index() + 1];
        // whole years at a time, then the day within the year by binary search over the office time before each
        while (remaining > year.total() - base) {
            remaining -= year.total() - base;
            year = yearWithWindows(year.year() + 1, +1);
            base = 0;
        }
        long target = base + remaining;
        int j = firstEndingAtOrAfter(year.before(), target);
        return year.windows()[j].opens().plusNanos(target - year.before()[j]);
    }

    private Instant back(Instant from, long remaining) {
        Position p = startingAtOrBefore(from);
        Year year = p.year();
        OfficeWindow w = year.windows()[p.index()];
        Instant end = from.isAfter(w.closes()) ? w.closes() : from;
        long available = nanosBetween(w.opens(), end);
        if (remaining <= available) {
            return end.minusNanos(remaining);
        }
        remaining -= available;
        long top = year.before()[p.index()];
        while (remaining > top) {
            remaining -= top;
            year = yearWithWindows(year.year() - 1, -1);
            top = year.total();
        }
        long target = top - remaining;
        int j = lastStartingAtOrBefore(year.before(), target, year.size());
        return year.windows()[j].closes().minusNanos(year.before()[j + 1] - target);
    }

    /** The smallest {@code j} whose window ends at or after office time {@code target}: before[j+1] >= target. */
    private static int firstEndingAtOrAfter(long[] before, long target) {
        int lo = 0;
        int hi = before.length - 2;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (before[mid + 1] >= target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** The largest {@code j < size} whose window starts at or before office time {@code target}: before[j] <= target. */
    private static int lastStartingAtOrBefore(long[] before, long target, int size) {
        int lo = 0;
        int hi = size - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (before[mid] <= target) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The first office window whose closing is at or after {@code t}. */
    private Position endingAtOrAfter(Instant t) {
        Year year = year(t.atZone(zone).getYear());
        for (int i = 0; i <= SEARCH_YEARS; i++, year = year(year.year() + 1)) {
            OfficeWindow[] windows = year.windows();
            int lo = 0;
            int hi = windows.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (windows[mid].closes().isBefore(t)) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            if (lo < windows.length) {
                return new Position(year, lo);
            }
        }
        throw noOfficeDays();
    }

    /** The last office window whose opening is at or before {@code t}. */
    private Position startingAtOrBefore(Instant t) {
        Year year = year(t.atZone(zone).getYear());
        for (int i = 0; i <= SEARCH_YEARS; i++, year = year(year.year() - 1)) {
            OfficeWindow[] windows = year.windows();
            int lo = 0;
            int hi = windows.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (windows[mid].opens().isAfter(t)) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            if (lo > 0) {
                return new Position(year, lo - 1);
            }
        }
        throw noOfficeDays();
    }

    /** The next year with at least one opening, going {@code step} years at a time from {@code year}. */
    private Year yearWithWindows(int first, int step) {
        for (int i = 0, y = first; i <= SEARCH_YEARS; i++, y += step) {
            Year year = year(y);
            if (year.size() > 0) {
                return year;
            }
        }
        throw noOfficeDays();
    }

    private Year year(int year) {
        if (years.size() > MAX_YEARS_KEPT) {
            years.clear();
        }
        return years.computeIfAbsent(year, this::plan);
    }

    private Year plan(int year) {
        List<OfficeWindow> windows = new ArrayList<>(days.size() * 53);
        for (LocalDate date = LocalDate.of(year, 1, 1); date.getYear() == year; date = date.plusDays(1)) {
            windowOn(date).ifPresent(windows::add);
        }
        long[] before = new long[windows.size() + 1];
        for (int i = 0; i < windows.size(); i++) {
            before[i + 1] = before[i] + nanosBetween(windows.get(i).opens(), windows.get(i).closes());
        }
        return new Year(year, windows.toArray(OfficeWindow[]::new), before);
    }

    private static long nanosBetween(Instant a, Instant b) {
        return Duration.between(a, b).toNanos();
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
        return new IllegalStateException("the office configuration leaves no open day within " + SEARCH_YEARS
                + " years");
    }
}
