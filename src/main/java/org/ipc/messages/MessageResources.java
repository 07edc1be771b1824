package org.ipc.messages;

import java.util.UUID;

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

import org.ipc.api.Ids;
import org.ipc.api.Page;
import org.ipc.api.ProblemException;
import org.ipc.security.Roles;

/** The two doors to a case's conversation: the physician's portal and the Center's staff API. */
public final class MessageResources {

    private MessageResources() {
    }

    @Path("/api/portal/cases/{id}/messages")
    @RolesAllowed(Roles.PHYSICIAN)
    @Produces(MediaType.APPLICATION_JSON)
    public static class Portal {

        @Inject
        MessageService messages;

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        public Response post(@PathParam("id") String id,
                @NotNull(message = "a JSON body {\"body\": \"...\"} is required") @Valid NewMessage body) {
            return Response.status(201).entity(messages.postAsPhysician(caseId(id), body)).build();
        }

        @GET
        public Page<MessageView> list(@PathParam("id") String id) {
            return messages.listForPhysician(caseId(id));
        }
    }

    @Path("/api/cases/{id}/messages")
    @RolesAllowed({ Roles.COORDINATOR, Roles.SPECIALIST, Roles.FINANCE, Roles.SUPERVISOR })
    @Produces(MediaType.APPLICATION_JSON)
    public static class Staff {

        @Inject
        MessageService messages;

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        public Response post(@PathParam("id") String id,
                @NotNull(message = "a JSON body {\"body\": \"...\"} is required") @Valid NewMessage body) {
            return Response.status(201).entity(messages.postAsStaff(caseId(id), body)).build();
        }

        @GET
        public Page<MessageView> list(@PathParam("id") String id) {
            return messages.listForStaff(caseId(id));
        }
    }

    static UUID caseId(String id) {
        return Ids.parse(id).orElseThrow(() -> ProblemException.notFound("Case"));
    }
}
