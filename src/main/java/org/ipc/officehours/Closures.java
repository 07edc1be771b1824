package org.ipc.officehours;

import java.net.URL;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * The days the office is closed although it is a working weekday: public holidays from a jollyday calendar (with
 * their observed dates) and the extra closures of configuration. Answers per date, cached per year.
 */
final class Closures {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern YEARLY = Pattern.compile("\\d{2}-\\d{2}");
    private static final Pattern WEEKDAY_RULE = Pattern.compile(
            "(first|second|third|fourth|last)-(monday|tuesday|wednesday|thursday|friday|saturday|sunday)-of-([a-z]+)");

    private final HolidayManager holidays;
    private final List<Function<Integer, Optional<Map.Entry<LocalDate, String>>>> extras;
    private final Map<Integer, Map<LocalDate, String>> byYear = new ConcurrentHashMap<>();

    Closures(String holidayResource, List<String> extraClosures) {
        URL calendar = Thread.currentThread().getContextClassLoader().getResource(holidayResource);
        if (calendar == null) {
            throw new IllegalArgumentException("ipc.office.holidays: no classpath resource " + holidayResource);
        }
        this.holidays = HolidayManager.getInstance(ManagerParameters.create(calendar));
        this.extras = extraClosures.stream().map(Closures::parseRule).toList();
    }

    /** Why the office is closed on this date, if it is a holiday or extra closure. */
    Optional<String> reason(LocalDate date) {
        return Optional.ofNullable(byYear.computeIfAbsent(date.getYear(), this::closuresOf).get(date));
    }

    private Map<LocalDate, String> closuresOf(int year) {
        Map<LocalDate, String> closed = new TreeMap<>();
        // Next year's holidays are asked too: New Year on a Saturday is observed on 31 December of this year.
        for (Holiday h : holidays.getHolidays(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 12, 31),
                HolidayType.PUBLIC_HOLIDAY)) {
            if (h.getDate().getYear() == year) {
                closed.put(h.getDate(), h.getDescription(Locale.US));
            }
        }
        for (var rule : extras) {
            rule.apply(year).ifPresent(e -> closed.putIfAbsent(e.getKey(), e.getValue()));
        }
        return Map.copyOf(closed);
    }

    static Function<Integer, Optional<Map.Entry<LocalDate, String>>> parseRule(String text) {
        String[] parts = text.strip().split("=", 2);
        String rule = parts[0].strip().toLowerCase(Locale.ROOT);
        String name = parts.length > 1 ? parts[1].strip() : "Office closed";
        try {
            if (DATE.matcher(rule).matches()) {
                LocalDate date = LocalDate.parse(rule);
                return year -> year == date.getYear() ? Optional.of(Map.entry(date, name)) : Optional.empty();
            }
            if (YEARLY.matcher(rule).matches()) {
                MonthDay day = MonthDay.parse("--" + rule);
                return year -> day.isValidYear(year) ? Optional.of(Map.entry(day.atYear(year), name)) : Optional.empty();
            }
            Matcher m = WEEKDAY_RULE.matcher(rule);
            if (m.matches()) {
                DayOfWeek weekday = DayOfWeek.valueOf(m.group(2).toUpperCase(Locale.ROOT));
                Month month = Month.valueOf(m.group(3).toUpperCase(Locale.ROOT));
                int ordinal = List.of("first", "second", "third", "fourth").indexOf(m.group(1)) + 1;
                return year -> {
                    LocalDate first = LocalDate.of(year, month, 1);
                    LocalDate date = ordinal == 0 ? first.with(TemporalAdjusters.lastInMonth(weekday))
                            : first.with(TemporalAdjusters.dayOfWeekInMonth(ordinal, weekday));
                    return Optional.of(Map.entry(date, name));
                };
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("ipc.office.extra-closures: cannot read '" + text + "'", e);
        }
        throw new IllegalArgumentException("ipc.office.extra-closures: cannot read '" + text
                + "'; use 2026-12-24, 12-24 or third-monday-of-april, optionally followed by =Name");
    }
}
