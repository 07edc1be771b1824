package org.ipc.workflow;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.quarkus.engine.extension.event.CamundaEngineStartupEvent;
import org.jboss.logging.Logger;

/**
 * Deploys the process models of the repository's top-level {@code bpmn/} folder (packaged under {@code bpmn/})
 * when the engine starts. Duplicate filtering makes a restart, or a second replica, deploy only what changed.
 */
@ApplicationScoped
public class ProcessDeployer {

    /** Every model in {@code bpmn/}; a test checks that this list and the folder agree. */
    public static final List<String> MODELS = List.of("second-opinion.bpmn", "treatment-visit.bpmn");

    private static final Logger LOG = Logger.getLogger(ProcessDeployer.class);

    private volatile boolean deployed;

    void deploy(@Observes CamundaEngineStartupEvent event, ProcessEngine engine) {
        var builder = engine.getRepositoryService().createDeployment()
                .name("ipc-processes")
                .source("ipc-coordination")
                .enableDuplicateFiltering(true);
        MODELS.forEach(model -> builder.addClasspathResource("bpmn/" + model));
        Deployment deployment = builder.deploy();
        deployed = true;
        LOG.infof("Process models deployed (deployment %s): %s", deployment.getId(), MODELS);
    }

    public boolean isDeployed() {
        return deployed;
    }
}
