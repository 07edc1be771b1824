package org.ipc.testing;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * For test classes about the office's paperwork: each test starts on Monday 23 November 2026 at 09:00 in New York (an
 * ordinary working morning, weeks before the holidays), and real time comes back after it. The engine's clock is set,
 * and the service's clock reads it.
 */
public interface MondayMorningInNovember {

    @BeforeEach
    default void aMondayMorningInNovember() {
        ProcessDriver.setNewYorkTime("2026-11-23T09:00");
    }

    @AfterEach
    default void realTimeAgain() {
        ClockUtil.reset();
    }
}
