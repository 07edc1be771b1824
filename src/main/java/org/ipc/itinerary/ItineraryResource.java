package org.ipc.itinerary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ipc.api.Ids;
import org.ipc.security.Roles;

/**
 * A case's itinerary for coordinators and supervisors: set it as a whole, read it in hospital and patient time, see
 * it as the patient will, and download its calendar file.
 */
@Path("/api/cases/{id}/itinerary")
@Tag(name = "Itinerary")
@RolesAllowed({ Roles.COORDINATOR, Roles.SUPERVISOR })
public class ItineraryResource {

    @Inject
    ItineraryService itineraries;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ItineraryView replace(@PathParam("id") String id, ItineraryRequest request) {
        return itineraries.replace(Ids.require(id, "Case"), request);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ItineraryView get(@PathParam("id") String id) {
        return itineraries.staffView(Ids.require(id, "Case"));
    }

    @GET
    @Path("/patient-view")
    @Produces(MediaType.APPLICATION_JSON)
    public PatientItinerary patientView(@PathParam("id") String id) {
        return itineraries.patientView(Ids.require(id, "Case"));
    }

    @GET
    @Path("/calendar")
    @Produces("text/calendar")
    public Response calendar(@PathParam("id") String id) {
        ItineraryService.CalendarFile file = itineraries.calendar(Ids.require(id, "Case"));
        return Response.ok(file.content(), "text/calendar; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"").build();
    }
}
