package org.ipc.messages;


import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ipc.api.ApiDocument;
import org.ipc.api.ApiExamples;
import org.ipc.api.Ids;
import org.ipc.common.Page;
import org.ipc.security.Roles;

/** The two doors to a case's conversation: the physician's portal and the Center's staff API. */
public final class MessageResources {

    private MessageResources() {
    }

    @Path("/api/portal/cases/{id}/messages")
    @Tag(name = ApiDocument.PHYSICIANS)
    @RolesAllowed(Roles.PHYSICIAN)
    @Produces(MediaType.APPLICATION_JSON)
    public static class Portal {

        @Inject
        MessageService messages;

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @Operation(operationId = "postMessage", summary = "Write to the Center about a case",
                description = "The case's owner (or whoever covers for them) gets an e-mail notice if they asked for one.")
        @APIResponse(responseCode = "201", description = "The message as both sides will read it", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = MessageView.class)))
        @APIResponse(responseCode = "400", description = "Blank, over 5,000 characters, or with control characters", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "bad message", value = ApiExamples.INVALID)))
        @APIResponse(responseCode = "404", description = "No such case among the caller's", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "not yours", value = ApiExamples.NOT_FOUND)))
        public Response post(@PathParam("id") String id,
                @RequestBody(content = @Content(mediaType = "application/json",
                        examples = @ExampleObject(name = "message", value = ApiExamples.NEW_MESSAGE)))
                @NotNull(message = "a JSON body {\"body\": \"...\"} is required") @Valid NewMessage body) {
            return Response.status(201).entity(messages.postAsPhysician(Ids.require(id, "Case"), body)).build();
        }

        @GET
        @Operation(operationId = "listMessages", summary = "A case's conversation with the Center, oldest first")
        @APIResponse(responseCode = "200", description = "The conversation, oldest first")
        public Page<MessageView> list(@PathParam("id") String id) {
            return messages.listForPhysician(Ids.require(id, "Case"));
        }
    }

    @Path("/api/cases/{id}/messages")
    @Tag(name = ApiDocument.INBOX)
    @RolesAllowed({ Roles.COORDINATOR, Roles.SPECIALIST, Roles.FINANCE, Roles.SUPERVISOR })
    @Produces(MediaType.APPLICATION_JSON)
    public static class Staff {

        @Inject
        MessageService messages;

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @Operation(operationId = "postStaffMessage", summary = "Write to the referring physician about a case")
        @APIResponse(responseCode = "201", description = "The message as both sides will read it", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = MessageView.class)))
        public Response post(@PathParam("id") String id,
                @RequestBody(content = @Content(mediaType = "application/json",
                        examples = @ExampleObject(name = "message", value = ApiExamples.NEW_STAFF_MESSAGE)))
                @NotNull(message = "a JSON body {\"body\": \"...\"} is required") @Valid NewMessage body) {
            return Response.status(201).entity(messages.postAsStaff(Ids.require(id, "Case"), body)).build();
        }

        @GET
        @Operation(operationId = "listStaffMessages", summary = "A case's conversation with the referring physician, oldest first")
        public Page<MessageView> list(@PathParam("id") String id) {
            return messages.listForStaff(Ids.require(id, "Case"));
        }
    }

}
