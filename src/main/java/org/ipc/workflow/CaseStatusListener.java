package org.ipc.workflow;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.ipc.cases.CaseLifecycle;
import org.ipc.cases.CaseStatus;

/**
 * Moves the case's status when the process enters an element that declares one, as the extension property
 * {@code caseStatus} (visible in Camunda Modeler's properties panel). Reading the property from the model keeps
 * this one stateless bean thread-safe, unlike field injection into a shared delegate.
 */
@Named("caseStatusListener")
@ApplicationScoped
public class CaseStatusListener implements ExecutionListener {

    static final String PROPERTY = "caseStatus";

    @Inject
    CaseLifecycle cases;

    @Override
    public void notify(DelegateExecution execution) {
        CaseStatus status = declaredStatus(execution);
        UUID caseId = ProcessVariables.caseId(execution);
        cases.moveTo(caseId, status, ProcessVariables.actor(execution));
    }

    private static CaseStatus declaredStatus(DelegateExecution execution) {
        return CaseStatus.valueOf(
                ModelProperties.required((BaseElement) execution.getBpmnModelElementInstance(), PROPERTY));
    }
}
