package org.ipc.workflow;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.ipc.cases.CaseEvent;
import org.ipc.cases.CaseLifecycle;

/**
 * BPMN service steps that tell someone something (a reminder, a released opinion, a summary): records the
 * element's {@code caseEvent} on the case's timeline, where the notification outbox picks it up.
 */
@Named("caseEvent")
@ApplicationScoped
public class CaseEventDelegate implements JavaDelegate {

    static final String PROPERTY = "caseEvent";

    @Inject
    CaseLifecycle cases;

    @Override
    public void execute(DelegateExecution execution) {
        BaseElement element = (BaseElement) execution.getBpmnModelElementInstance();
        CaseEvent.Kind kind = CaseEvent.Kind.valueOf(ModelProperties.required(element, PROPERTY));
        cases.recordEvent(ProcessVariables.caseId(execution), kind, execution.getCurrentActivityName(),
                ProcessVariables.actor(execution));
    }
}
