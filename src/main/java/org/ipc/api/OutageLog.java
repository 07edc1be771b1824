package org.ipc.api;

import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

/**
 * A log line for an outage of the database that does not repeat with every failed call: the first one is written,
 * then one every ten seconds counting those left out; the rest go to DEBUG.
 */
final class OutageLog {

    /** How often the log repeats that the database is away, while it is. */
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;

    private final Logger log;
    private final AtomicLong lastWritten = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);
    private final AtomicLong leftOut = new AtomicLong();

    OutageLog(Logger log) {
        this.log = log;
    }

    void warn(String message) {
        long now = System.nanoTime();
        long last = lastWritten.get();
        if (now - last >= LOG_EVERY_NANOS && lastWritten.compareAndSet(last, now)) {
            long others = leftOut.getAndSet(0);
            log.warn(others == 0 ? message : message + " (" + others + " more like it since the last such line)");
        } else {
            leftOut.incrementAndGet();
            log.debug(message);
        }
    }
}
