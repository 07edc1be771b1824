package org.ipc.officehours;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A length of business time, written as an ISO-8601 duration: {@code P1D} is one office day, {@code P1W} five,
 * {@code PT4H} four office hours, {@code -P7D} seven office days back. Months and years have no fixed number
 * of office days and are refused.
 */
public record BusinessDuration(boolean negative, long weeks, long days, Duration time) {

    private static final Pattern ISO = Pattern.compile(
            "([-+]?)P(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:\\.\\d{1,9})?)S)?)?");

    /** Longer numbers are far beyond any limit; refusing them early keeps the arithmetic from overflowing. */
    private static final int MAX_DIGITS = 12;

    public static BusinessDuration parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a business duration is required, such as P1D or PT4H");
        }
        String upper = text.strip().toUpperCase(Locale.ROOT);
        Matcher m = ISO.matcher(upper);
        if (!m.matches() || upper.endsWith("P") || upper.endsWith("T")) {
            throw new IllegalArgumentException("'" + text + "' is not a business duration; use ISO-8601 weeks, "
                    + "days, hours and minutes such as P1D, P1W, PT4H30M or -P7D (months and years have no fixed "
                    + "number of office days)");
        }
        for (int group = 2; group <= 6; group++) {
            String digits = m.group(group);
            if (digits != null && digits.split("\\.")[0].length() > MAX_DIGITS) {
                throw new BeyondLimit(BusinessClock.DURATION_LIMIT);
            }
        }
        Duration time = Duration.ZERO;
        if (m.group(4) != null) {
            time = time.plusHours(Long.parseLong(m.group(4)));
        }
        if (m.group(5) != null) {
            time = time.plusMinutes(Long.parseLong(m.group(5)));
        }
        if (m.group(6) != null) {
            time = time.plus(Duration.parse("PT" + m.group(6) + "S"));
        }
        return new BusinessDuration("-".equals(m.group(1)), number(m.group(2)), number(m.group(3)), time);
    }

    /** The same length, counted the other way. */
    public BusinessDuration negated() {
        return new BusinessDuration(!negative, weeks, days, time);
    }

    /**
     * The office time this duration stands for: a day is one office day, a week as many as the office works.
     * Throws {@link ArithmeticException} when that is too long to count in nanoseconds.
     */
    public Duration officeTime(Duration officeDay, int officeDaysPerWeek) {
        long officeDays = Math.addExact(Math.multiplyExact(weeks, officeDaysPerWeek), days);
        Duration total = officeDay.multipliedBy(officeDays).plus(time);
        total.toNanos();
        return total;
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(negative ? "-P" : "P");
        if (weeks > 0) {
            s.append(weeks).append('W');
        }
        if (days > 0) {
            s.append(days).append('D');
        }
        if (!time.isZero()) {
            s.append(time.toString().substring(1));
        }
        return s.length() == (negative ? 2 : 1) ? s.append("T0S").toString() : s.toString();
    }
}
