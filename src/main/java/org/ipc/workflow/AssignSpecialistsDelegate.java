package org.ipc.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ipc.security.Roles;

/** BPMN step "Assign to the department's specialists": the case's specialist tasks go to its department. */
@Named("assignSpecialists")
@ApplicationScoped
public class AssignSpecialistsDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(ProcessVariables.SPECIALIST_GROUP,
                Roles.specialistsOf((String) execution.getVariable(ProcessVariables.DEPARTMENT)));
    }
}
