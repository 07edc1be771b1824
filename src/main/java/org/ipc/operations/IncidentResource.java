package org.ipc.operations;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ipc.common.Page;
import org.ipc.api.PageRequest;
import org.ipc.api.ProblemException;
import org.ipc.security.Roles;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ipc.api.ApiDocument;

/** Engine jobs that failed for good, for admins, who have no Cockpit: see them, and retry one once its cause is fixed. */
@Path("/api/admin/incidents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = ApiDocument.ADMINISTRATION)
public class IncidentResource {

    @Inject
    IncidentService incidents;

    @GET
    @Operation(operationId = "listIncidents", summary = "Engine jobs with no retries left, newest first: case, step, error class and time")
    public Page<Incident> list(@Valid @BeanParam PageRequest page) {
        return incidents.list(page.first(), page.size);
    }

    @POST
    @Path("/{id}/retry")
    @Operation(operationId = "retryIncident", summary = "Gives the job one more try; the job executor runs it at once and the incident closes if it succeeds")
    @APIResponse(responseCode = "202", description = "The job will run again",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Incident.class)))
    @APIResponse(responseCode = "404", description = "No failed job with this id")
    @APIResponse(responseCode = "409", description = "The job has not failed for good: it still has retries")
    public Response retry(@PathParam("id") String id) {
        if (!id.matches("[A-Za-z0-9:._-]{1,64}")) {
            throw ProblemException.badField("id", "must be an incident id as GET /api/admin/incidents lists it");
        }
        return Response.accepted(incidents.retry(id)).build();
    }
}
