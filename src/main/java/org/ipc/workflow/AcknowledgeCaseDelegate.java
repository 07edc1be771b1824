package org.ipc.workflow;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ipc.cases.CaseLifecycle;

/** BPMN step "Acknowledge case": records that the office has acknowledged the new case. Idempotent. */
@Named("acknowledgeCase")
@ApplicationScoped
public class AcknowledgeCaseDelegate implements JavaDelegate {

    @Inject
    CaseLifecycle cases;

    @Override
    public void execute(DelegateExecution execution) {
        cases.acknowledge(ProcessVariables.caseId(execution));
    }
}
