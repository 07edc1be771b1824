package org.ipc.workflow;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one "now" of the service, injected as a {@link Clock} everywhere. It reads Camunda's engine clock, so our
 * timestamps, the engine's due dates and its timers always agree, and a test that moves the engine clock moves ours
 * with it. It lives in workflow, the one package that touches the engine; the rest only sees a Clock.
 */
public class Clocks {

    @Produces
    @Singleton
    Clock clock() {
        return new EngineClock(ZoneOffset.UTC);
    }

    static final class EngineClock extends Clock {

        private final ZoneId zone;

        EngineClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new EngineClock(other);
        }

        @Override
        public Instant instant() {
            return ClockUtil.getCurrentTime().toInstant();
        }
    }
}
