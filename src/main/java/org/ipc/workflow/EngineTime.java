package org.ipc.workflow;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipc.officehours.ServiceClock;

import io.quarkus.runtime.StartupEvent;

/**
 * Gives the service's clock ({@link ServiceClock}) the engine's time, first thing at start-up: Camunda reads its own
 * static clock for due dates and timers, so ours reads the same one, and both agree (a test that sets the engine's
 * clock sets ours). The one place outside the engine's configuration that knows the engine has a clock.
 */
@Singleton
public class EngineTime {

    void bind(@Observes @Priority(1) StartupEvent start, ServiceClock clock) {
        clock.readFrom(() -> ClockUtil.getCurrentTime().toInstant());
    }
}
