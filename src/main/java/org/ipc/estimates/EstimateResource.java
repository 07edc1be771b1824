package org.ipc.estimates;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ipc.api.Ids;
import org.ipc.common.Page;
import org.ipc.common.NotFoundException;
import org.ipc.security.Roles;

/**
 * A case's cost estimates: finance issues them (each one a new revision, with its PDF among the case's documents);
 * coordinators and supervisors read them.
 */
@Path("/api/cases/{id}/estimates")
@Tag(name = "Estimates and deposits")
@Produces(MediaType.APPLICATION_JSON)
public class EstimateResource {

    @Inject
    EstimateService estimates;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE)
    public Response issue(@PathParam("id") String id, EstimateRequest request) {
        EstimateView issued = estimates.issue(Ids.require(id, "Case"), request);
        return Response.created(URI.create("/api/cases/" + id + "/estimates/" + issued.revision())).entity(issued)
                .build();
    }

    @GET
    @RolesAllowed({ Roles.FINANCE, Roles.COORDINATOR, Roles.SUPERVISOR })
    public Page<EstimateView> list(@PathParam("id") String id) {
        return estimates.list(Ids.require(id, "Case"));
    }

    @GET
    @Path("/{revision}")
    @RolesAllowed({ Roles.FINANCE, Roles.COORDINATOR, Roles.SUPERVISOR })
    public EstimateView revision(@PathParam("id") String id, @PathParam("revision") String revision) {
        return estimates.revision(Ids.require(id, "Case"), revisionNumber(revision));
    }

    private static int revisionNumber(String text) {
        if (text == null || !text.matches("[1-9][0-9]{0,5}")) {
            throw new NotFoundException("Estimate");
        }
        return Integer.parseInt(text);
    }
}
