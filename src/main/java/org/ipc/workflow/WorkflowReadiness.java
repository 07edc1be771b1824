package org.ipc.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.ProcessEngine;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the engine is up, our models are deployed and the engine can read its own tables. */
@Readiness
@ApplicationScoped
public class WorkflowReadiness implements HealthCheck {

    @Inject
    ProcessEngine engine;

    @Inject
    ProcessDeployer deployer;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("workflow-engine");
        if (!deployer.isDeployed()) {
            return response.down().withData("reason", "process models not deployed yet").build();
        }
        try {
            long definitions = engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().count();
            return response.status(definitions >= ProcessDeployer.MODELS.size())
                    .withData("processDefinitions", definitions).build();
        } catch (RuntimeException e) {
            return response.down().withData("reason", e.getClass().getSimpleName()).build();
        }
    }
}
