package org.ipc.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.cdi.impl.event.CdiEventSupportBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The engine as built: our parse listeners in, Camunda's CDI event bridge (an event per activity) out. */
@QuarkusTest
class EngineConfigurationTest {

    @Inject
    ProcessEngine engine;

    @Test
    void parsesModelsWithOurListenersAndWithoutTheCdiEventBridge() {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(config.getCustomPostBPMNParseListeners())
                .noneMatch(CdiEventSupportBpmnParseListener.class::isInstance)
                .anyMatch(WorkItemParseListener.class::isInstance);
        assertThat(config.getCustomPreBPMNParseListeners()).anyMatch(CoordinatorTaskParseListener.class::isInstance);
    }
}
