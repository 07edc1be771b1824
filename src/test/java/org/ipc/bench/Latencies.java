package org.ipc.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** Per-call latencies of one kind of call, recorded by many threads, read once at the end. */
final class Latencies {

    private final long[] nanos;
    private final AtomicInteger count = new AtomicInteger();

    Latencies(int capacity) {
        nanos = new long[capacity];
    }

    void record(long elapsedNanos) {
        int i = count.getAndIncrement();
        if (i < nanos.length) {
            nanos[i] = elapsedNanos;
        }
    }

    int count() {
        return Math.min(count.get(), nanos.length);
    }

    /** The given percentile in milliseconds (nearest rank). */
    double percentileMillis(double percentile) {
        long[] sorted = Arrays.copyOf(nanos, count());
        if (sorted.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /** {@code p50 / p95 / p99} in milliseconds. */
    String summary() {
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f", percentileMillis(50), percentileMillis(95),
                percentileMillis(99));
    }
}
