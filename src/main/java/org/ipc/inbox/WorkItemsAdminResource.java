package org.ipc.inbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ipc.security.Roles;
import org.ipc.workflow.WorkItemSync;
import org.ipc.api.ApiDocument;

/** For admins: writes the inbox's task read model again from the engine's open tasks (repair, upgrades). */
@Path("/api/admin/work-items")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocument.ADMINISTRATION)
public class WorkItemsAdminResource {

    /** How many open tasks the read model holds after the rebuild. */
    public record Rebuilt(int workItems) {
    }

    @Inject
    WorkItemSync sync;

    @POST
    @Path("/rebuild")
    @Operation(operationId = "rebuildWorkItems", summary = "Rebuild the task read model from the engine's open tasks, in one transaction (audited)")
    public Rebuilt rebuild() {
        return new Rebuilt(sync.rebuildForAdmin());
    }
}
