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
 * A case's visa invitation letters: coordinators issue them (the PDF, sealed, joins the case's documents) and revoke
 * them; supervisors too. Passport numbers are masked in every answer.
 */
@Path("/api/cases/{id}/visa-letters")
@Tag(name = ApiDocument.INBOX)
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
    @Operation(operationId = "issueVisaLetter", summary = "Issue a visa invitation letter for the patient (and companions)",
            description = "A signed PDF with a verification code and QR code; a consulate checks it at /verify/{code}.")
    @APIResponse(responseCode = "201", description = "The letter", headers = @Header(name = "Location", description = ApiDocument.LOCATION, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VisaLetterView.class)))
    @APIResponse(responseCode = "409", description = "The case has ended, or it has no estimate yet", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "case ended", value = ApiExamples.CASE_ENDED)))
    public Response issue(@PathParam("id") String id, VisaLetterRequest request) {
        VisaLetterView issued = letters.issue(Ids.require(id, "Case"), request);
        return Response.created(URI.create("/api/cases/" + id + "/visa-letters/" + issued.id())).entity(issued).build();
    }

    @GET
    @Operation(operationId = "listVisaLetters", summary = "A case's visa letters, revoked ones included")
    public Page<VisaLetterView> list(@PathParam("id") String id) {
        return letters.list(Ids.require(id, "Case"));
    }

    @POST
    @Path("/{letterId}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "revokeVisaLetter", summary = "Revoke a letter: its check answers revoked from now on")
    @APIResponse(responseCode = "200", description = "The letter, now revoked")
    @APIResponse(responseCode = "409", description = "The letter was already revoked", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "already revoked", value = ApiExamples.CONFLICT)))
    public VisaLetterView revoke(@PathParam("id") String id, @PathParam("letterId") String letterId,
            Revocation body) {
        return letters.revoke(Ids.require(id, "Case"), Ids.require(letterId, "Visa letter"),
                body == null ? null : body.reason());
    }
}
