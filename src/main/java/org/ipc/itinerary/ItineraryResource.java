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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.ipc.api.ApiDocument;

/**
 * A case's itinerary for coordinators and supervisors: set it as a whole, read it in hospital and patient time, see
 * it as the patient will, and download its calendar file.
 */
@Path("/api/cases/{id}/itinerary")
@Tag(name = ApiDocument.INBOX)
@RolesAllowed({ Roles.COORDINATOR, Roles.SUPERVISOR })
public class ItineraryResource {

    @Inject
    ItineraryService itineraries;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceItinerary", summary = "Set the visit's itinerary: appointments, travel, lodging, interpreter")
    public ItineraryView replace(@PathParam("id") String id, ItineraryRequest request) {
        return itineraries.replace(Ids.require(id, "Case"), request);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getItinerary", summary = "The visit's itinerary as staff see it")
    public ItineraryView get(@PathParam("id") String id) {
        return itineraries.staffView(Ids.require(id, "Case"));
    }

    @GET
    @Path("/patient-view")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getPatientItinerary", summary = "The itinerary as the patient reads it, in their language and time zone")
    public PatientItinerary patientView(@PathParam("id") String id) {
        return itineraries.patientView(Ids.require(id, "Case"));
    }

    @GET
    @Path("/calendar")
    @Produces("text/calendar")
    @Operation(operationId = "downloadItineraryCalendar", summary = "The itinerary as a calendar file (RFC 5545)")
    @APIResponse(responseCode = "200", description = "An iCalendar file, one event per appointment",
            headers = @Header(name = "Content-Disposition", description = "attachment, with the file name", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = SchemaType.STRING)))
    public Response calendar(@PathParam("id") String id) {
        ItineraryService.CalendarFile file = itineraries.calendar(Ids.require(id, "Case"));
        return Response.ok(file.content(), "text/calendar; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"").build();
    }
}
