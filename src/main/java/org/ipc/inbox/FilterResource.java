package org.ipc.inbox;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.ipc.api.Ids;
import org.ipc.common.Page;
import org.ipc.security.Roles;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.ipc.api.ApiDocument;

/** Saved inbox filters: the caller's own and those shared with one of their queues, each with its count. */
@Path("/api/inbox/filters")
@Tag(name = ApiDocument.INBOX)
@RolesAllowed({ Roles.COORDINATOR, Roles.SPECIALIST, Roles.FINANCE, Roles.SUPERVISOR })
@Produces(MediaType.APPLICATION_JSON)
public class FilterResource {

    @Inject
    SavedFilters filters;

    @GET
    @Operation(operationId = "listFilters", summary = "The caller's saved filters and those shared with their queues, each with how many tasks it"
            + " finds now")
    public Page<SavedFilterView> list() {
        return filters.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The saved filter", headers = @Header(name = "Location", description = ApiDocument.LOCATION, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SavedFilterView.class)))
    @Operation(operationId = "saveFilter", summary = "Save a filter: a name, the inbox's filters and a sort; personal, or shared with one of the"
            + " caller's queues (sharedWith)")
    public Response create(@NotNull(message = "a JSON body with the filter is required") FilterDefinition definition) {
        SavedFilterView saved = filters.create(definition);
        return Response.created(URI.create("/api/inbox/filters/" + saved.id())).entity(saved).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getFilter", summary = "One saved filter the caller may use")
    public SavedFilterView get(@PathParam("id") String id) {
        return filters.get(Ids.require(id, "Filter"));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateFilter", summary = "Change one of the caller's own filters")
    public SavedFilterView update(@PathParam("id") String id,
            @NotNull(message = "a JSON body with the filter is required") FilterDefinition definition) {
        return filters.update(Ids.require(id, "Filter"), definition);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteFilter", summary = "Delete one of the caller's own filters")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        filters.delete(Ids.require(id, "Filter"));
        return Response.noContent().build();
    }
}
