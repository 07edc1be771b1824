package org.ipc.workflow;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.ipc.cases.CaseLifecycle;
import org.ipc.itinerary.ItineraryService;

/**
 * BPMN step "Plan the pre-arrival reminder": the reminder goes out {@code daysBefore} calendar days before the
 * planned arrival, at {@code localTime} in the patient's own time zone (not the office's). Keeps the visit as
 * booked with the case (the arrival from the task's form, the first appointment from the itinerary), which tells the
 * patient (the visit-scheduled mail).
 */
@Named("preArrivalReminder")
@ApplicationScoped
public class PreArrivalReminderDelegate implements JavaDelegate {

    static final String ARRIVAL = "arrivalDate";
    static final String REMINDER_AT = "preArrivalReminderAt";

    @Inject
    CaseLifecycle cases;

    @Inject
    ItineraryService itineraries;

    @Override
    public void execute(DelegateExecution execution) {
        BaseElement element = (BaseElement) execution.getBpmnModelElementInstance();
        int daysBefore = Integer.parseInt(ModelProperties.required(element, "daysBefore"));
        LocalTime at = LocalTime.parse(ModelProperties.required(element, "localTime"));
        UUID caseId = ProcessVariables.caseId(execution);
        ZoneId patientZone = cases.patientTimeZone(caseId);
        LocalDate arrival = localDate((Date) execution.getVariable(ARRIVAL), patientZone);
        cases.scheduleVisit(caseId, arrival, itineraries.firstAppointment(caseId).orElse(null),
                ProcessVariables.actor(execution));
        execution.setVariable(REMINDER_AT,
                Date.from(arrival.minusDays(daysBefore).atTime(at).atZone(patientZone).toInstant()));
    }

    /** A date-typed form value as the date it names (a SQL date as is, any other moment in {@code zone}). */
    static LocalDate localDate(Date date, ZoneId zone) {
        return date instanceof java.sql.Date sql ? sql.toLocalDate() : date.toInstant().atZone(zone).toLocalDate();
    }
}
