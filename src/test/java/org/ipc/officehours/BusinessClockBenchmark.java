package org.ipc.officehours;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (tag {@code benchmark}, outside {@code ./mvnw verify}): how long the business clock takes
 * for a ten-year duration (P520W), forward and back, on a fresh clock (no year worked out yet) and on a warm
 * one. Prints the figures and writes them to target/bench/business-clock.txt.
 */
@Tag("benchmark")
class BusinessClockBenchmark {

    private static final BusinessDuration TEN_YEARS = BusinessDuration.parse("P520W");
    private static final Instant FROM = Offices.ny("2026-11-20T16:00");
    private static final int ROUNDS = 2_000;

    @Test
    void tenYearDuration() throws IOException {
        BusinessClock cold = Offices.boston();
        long coldStart = System.nanoTime();
        cold.plus(FROM, BusinessDuration.parse("P1D"));
        long rulesNanos = System.nanoTime() - coldStart;
        coldStart = System.nanoTime();
        Instant deadline = cold.plus(FROM, TEN_YEARS);
        long coldNanos = System.nanoTime() - coldStart;
        assertThat(deadline).isAfter(FROM.plusSeconds(9L * 365 * 86_400));

        BusinessClock warm = Offices.boston();
        long[] forward = new long[ROUNDS];
        long[] back = new long[ROUNDS];
        for (int warmUp = 0; warmUp < 2; warmUp++) {
            for (int i = 0; i < ROUNDS; i++) {
                Instant from = FROM.plusSeconds(i * 3_607L);
                long t0 = System.nanoTime();
                Instant later = warm.plus(from, TEN_YEARS);
                long t1 = System.nanoTime();
                Instant earlier = warm.plus(from, TEN_YEARS.negated());
                long t2 = System.nanoTime();
                forward[i] = t1 - t0;
                back[i] = t2 - t1;
                assertThat(later).isAfter(from.plusSeconds(9L * 365 * 86_400));
                assertThat(earlier).isBefore(from.minusSeconds(9L * 365 * 86_400));
            }
        }
        BusinessClock fresh = Offices.boston();
        fresh.plus(FROM, BusinessDuration.parse("P1D"));
        long freshStart = System.nanoTime();
        fresh.plus(FROM, TEN_YEARS);
        long freshNanos = System.nanoTime() - freshStart;
        String report = String.format(Locale.ROOT, "Business clock, P520W (ten years of office time) from %s:%n"
                + "  first call on a fresh clock (P1D; loads the holiday rules): %.3f ms%n"
                + "  then P520W on that clock (works out the years not seen yet): %.3f ms%n"
                + "  P520W on another fresh clock, once the code is compiled (ten new years): %.3f ms%n"
                + "  forward, warm: median %.1f µs, p99 %.1f µs%n"
                + "  back, warm:    median %.1f µs, p99 %.1f µs%n",
                FROM, rulesNanos / 1e6, coldNanos / 1e6, freshNanos / 1e6, percentile(forward, 50), percentile(forward, 99), percentile(back, 50),
                percentile(back, 99));
        System.out.print(report);
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "business-clock.txt"), report);
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e3;
    }
}
