package org.ipc.visa;

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
import org.ipc.security.Roles;

/**
 * A case's visa invitation letters: coordinators issue them (the PDF, sealed, joins the case's documents) and revoke
 * them; supervisors too. Passport numbers are masked in every answer.
 */
@Path("/api/cases/{id}/visa-letters")
@Tag(name = "Visa letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.COORDINATOR, Roles.SUPERVISOR })
public class VisaLetterResource {

    /** The body of a revocation. */
    public record Revocation(String reason) {
    }

    @Inject
    VisaLetterService letters;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(@PathParam("id") String id, VisaLetterRequest request) {
        VisaLetterView issued = letters.issue(Ids.require(id, "Case"), request);
        return Response.created(URI.create("/api/cases/" + id + "/visa-letters/" + issued.id())).entity(issued).build();
    }

    @GET
    public Page<VisaLetterView> list(@PathParam("id") String id) {
        return letters.list(Ids.require(id, "Case"));
    }

    @POST
    @Path("/{letterId}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    public VisaLetterView revoke(@PathParam("id") String id, @PathParam("letterId") String letterId,
            Revocation body) {
        return letters.revoke(Ids.require(id, "Case"), Ids.require(letterId, "Visa letter"),
                body == null ? null : body.reason());
    }
}
