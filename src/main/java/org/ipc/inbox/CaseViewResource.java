package org.ipc.inbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.ipc.api.Ids;
import org.ipc.security.Roles;

/** The whole case for coordinators and supervisors, and its process drawn with the current steps. */
@Path("/api/cases/{id}")
@RolesAllowed({ Roles.COORDINATOR, Roles.SUPERVISOR })
public class CaseViewResource {

    @Inject
    CaseViewService cases;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public CaseView get(@PathParam("id") String id) {
        return cases.view(Ids.require(id, "Case"));
    }

    @GET
    @Path("/diagram")
    @Produces("image/svg+xml")
    public String diagram(@PathParam("id") String id) {
        return cases.diagram(Ids.require(id, "Case"));
    }
}
