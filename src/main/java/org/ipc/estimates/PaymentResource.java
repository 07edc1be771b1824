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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.ipc.api.ApiDocument;
import org.ipc.api.ApiExamples;

/** Payments towards a case's deposit: finance records them; the answer is where the deposit then stands. */
@Path("/api/cases/{id}/payments")
@Tag(name = ApiDocument.FINANCE)
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {

    @Inject
    DepositService deposits;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE)
    @Operation(operationId = "recordPayment", summary = "Record a payment received for the case's deposit",
            description = "In the estimate's currency or another one with its exchange rate; a reference is counted once.")
    @APIResponse(responseCode = "201", description = "The deposit with the payment counted",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DepositView.class)))
    @APIResponse(responseCode = "409", description = "The case has ended, has no estimate, or already has a payment with this reference", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "case ended", value = ApiExamples.CASE_ENDED)))
    public Response record(@PathParam("id") String id, PaymentRequest request) {
        return Response.status(201).entity(deposits.record(Ids.require(id, "Case"), request)).build();
    }

    @GET
    @RolesAllowed({ Roles.FINANCE, Roles.COORDINATOR, Roles.SUPERVISOR })
    @Operation(operationId = "getDeposit", summary = "The deposit: required, received, balance, due date, payments")
    public DepositView status(@PathParam("id") String id) {
        return deposits.status(Ids.require(id, "Case"));
    }
}
