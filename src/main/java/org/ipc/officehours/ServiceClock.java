package org.ipc.officehours;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

/**
 * The one "now" of the service, injected as a {@link Clock} everywhere (in UTC; each use chooses its zone). It reads
 * the system clock until the process layer gives it the engine's ({@code workflow/EngineTime}, at start-up), so our
 * timestamps, the engine's due dates and its timers always agree, and a test that moves the engine's clock moves ours
 * with it. It lives in the foundation, beside the business clock built on it, so that every layer's "now" comes from below it.
 */
@Singleton
public class ServiceClock extends Clock {

    private volatile Supplier<Instant> source = Instant::now;

    /** Reads "now" from {@code source} from here on. */
    public void readFrom(Supplier<Instant> source) {
        this.source = source;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return ServiceClock.this.withZone(other);
            }

            @Override
            public Instant instant() {
                return ServiceClock.this.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return source.get();
    }
}
