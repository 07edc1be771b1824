package org.ipc.workflow;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.ipc.officehours.BusinessClock;
import org.ipc.officehours.BusinessDuration;

/**
 * BPMN step "Set the deposit deadline": the deposit is due the element's {@code dueBeforeAdmission} (business
 * time, e.g. {@code P7D}) before the office opens on the planned admission date; the deposit timer waits for it.
 */
@Named("depositDeadline")
@ApplicationScoped
public class DepositDeadlineDelegate implements JavaDelegate {

    static final String ADMISSION = "plannedAdmission";
    static final String DEPOSIT_DUE = "depositDue";

    @Inject
    BusinessClock office;

    @Override
    public void execute(DelegateExecution execution) {
        BusinessDuration before = BusinessDuration.parse(ModelProperties.required(
                (BaseElement) execution.getBpmnModelElementInstance(), "dueBeforeAdmission"));
        LocalDate admission = localDate((Date) execution.getVariable(ADMISSION), office.zone());
        execution.setVariable(DEPOSIT_DUE, Date.from(office.before(admission, before)));
    }

    static LocalDate localDate(Date date, ZoneId zone) {
        return date instanceof java.sql.Date sql ? sql.toLocalDate() : date.toInstant().atZone(zone).toLocalDate();
    }
}
