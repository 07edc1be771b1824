package org.ipc.workflow;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.ipc.cases.CaseLifecycle;
import org.ipc.officehours.BusinessClock;
import org.ipc.officehours.BusinessDuration;

/**
 * Task listener (on create) for calls to the patient: the task is due at a moment the patient can take a call,
 * in office hours and between 08:00 and 20:00 in the patient's zone, no sooner than the element's
 * {@code callAfter} property (business time, e.g. {@code P5D}) from now.
 */
@Named("scheduleCall")
@ApplicationScoped
public class FollowUpCallScheduler implements TaskListener {

    static final String CALL_AFTER = "callAfter";

    @Inject
    BusinessClock office;

    @Inject
    CaseLifecycle cases;

    @Override
    public void notify(DelegateTask task) {
        BusinessDuration after = BusinessDuration.parse(
                ModelProperties.required((BaseElement) task.getBpmnModelElementInstance(), CALL_AFTER));
        UUID caseId = ProcessVariables.caseId(task);
        ZoneId patientZone = cases.patientTimeZone(caseId);
        Instant earliest = office.plus(office.now(), after);
        task.setDueDate(Date.from(office.callSlot(earliest, patientZone)));
    }
}
