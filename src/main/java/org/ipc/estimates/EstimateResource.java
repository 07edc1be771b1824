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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.ipc.api.ApiDocument;
import org.ipc.api.ApiExamples;

/**
 * A case's cost estimates: finance issues them (each one a new revision, with its PDF among the case's documents);
 * coordinators and supervisors read them.
 */
@Path("/api/cases/{id}/estimates")
@Tag(name = ApiDocument.FINANCE)
@Produces(MediaType.APPLICATION_JSON)
public class EstimateResource {

    @Inject
    EstimateService estimates;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE)
    @Operation(operationId = "issueEstimate", summary = "Issue a cost estimate, or a revision of the current one",
            description = "The estimate becomes a PDF in the patient's language for the physician and the patient; its"
                    + " deposit falls due before the planned admission.")
    @APIResponse(responseCode = "201", description = "The estimate", headers = @Header(name = "Location", description = ApiDocument.LOCATION, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EstimateView.class)))
    @APIResponse(responseCode = "409", description = "The case has ended, or revises names a revision that is no longer the current one", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "case ended", value = ApiExamples.CASE_ENDED)))
    public Response issue(@PathParam("id") String id, EstimateRequest request) {
        EstimateView issued = estimates.issue(Ids.require(id, "Case"), request);
        return Response.created(URI.create("/api/cases/" + id + "/estimates/" + issued.revision())).entity(issued)
                .build();
    }

    @GET
    @RolesAllowed({ Roles.FINANCE, Roles.COORDINATOR, Roles.SUPERVISOR })
    @Operation(operationId = "listEstimates", summary = "Every revision of a case's estimate, the current one marked")
    public Page<EstimateView> list(@PathParam("id") String id) {
        return estimates.list(Ids.require(id, "Case"));
    }

    @GET
    @Path("/{revision}")
    @RolesAllowed({ Roles.FINANCE, Roles.COORDINATOR, Roles.SUPERVISOR })
    @Operation(operationId = "getEstimate", summary = "One revision of a case's estimate")
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
