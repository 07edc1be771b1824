package org.ipc.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ipc.common.ConflictException;
import org.ipc.itinerary.ItineraryService;

/**
 * Task listener (on complete) of the {@code BookAppointments} task: the appointments are the itinerary's
 * ({@code PUT /api/cases/{id}/itinerary}, which mails them to the patient with the .ics), so the task cannot be
 * completed before at least one is scheduled. Nothing of them goes into the process: the visit step reads the first
 * appointment from the itinerary.
 */
@Named("itineraryBooked")
@ApplicationScoped
public class ItineraryBookedListener implements TaskListener {

    @Inject
    ItineraryService itineraries;

    @Override
    public void notify(DelegateTask task) {
        if (itineraries.firstAppointment(ProcessVariables.caseId(task)).isEmpty()) {
            throw new ConflictException("Set the appointments first (PUT /api/cases/{id}/itinerary): the task is done "
                    + "when the itinerary has at least one scheduled appointment");
        }
    }
}
