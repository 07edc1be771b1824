package org.ipc.estimates;

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
import org.ipc.security.Roles;

/** Payments towards a case's deposit: finance records them; the answer is where the deposit then stands. */
@Path("/api/cases/{id}/payments")
@Tag(name = "Estimates and deposits")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {

    @Inject
    DepositService deposits;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE)
    public Response record(@PathParam("id") String id, PaymentRequest request) {
        return Response.status(201).entity(deposits.record(Ids.require(id, "Case"), request)).build();
    }

    @GET
    @RolesAllowed({ Roles.FINANCE, Roles.COORDINATOR, Roles.SUPERVISOR })
    public DepositView status(@PathParam("id") String id) {
        return deposits.status(Ids.require(id, "Case"));
    }
}
