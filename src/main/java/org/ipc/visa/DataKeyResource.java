package org.ipc.visa;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ipc.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.ipc.api.ApiDocument;

/**
 * After the data key rotates, an administrator re-seals what the former key sealed (passport numbers, the keys of
 * sealed documents) under the new one; then the former key can leave {@code IPC_DATA_KEY_RETIRED}.
 */
@Path("/api/admin/data-keys/reseal")
@Tag(name = ApiDocument.ADMINISTRATION)
@RolesAllowed(Roles.ADMIN)
public class DataKeyResource {

    /**
     * How many sealed values moved to the current key, and the values that did not open for the row they are kept in
     * ({@code "visa_letter <id> passport_sealed"}: changed, or moved from another row): nothing of them is shown.
     */
    public record Resealed(String keyId, int passportNumbers, int documentKeys, java.util.List<String> refused) {
    }

    @Inject
    DataKeyRotation rotation;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "resealDataKeys", summary = "Move every value sealed under a retired data key to the current key")
    public Resealed reseal() {
        return rotation.reseal();
    }
}
