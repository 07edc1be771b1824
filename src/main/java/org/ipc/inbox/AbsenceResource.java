package org.ipc.inbox;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ipc.api.Ids;
import org.ipc.common.Page;
import org.ipc.security.Roles;
import org.ipc.staff.AbsenceView;
import org.ipc.staff.Absences;
import org.ipc.staff.NewAbsence;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.ipc.api.ApiDocument;

/**
 * Absence cover: who is away, when, and who covers. Recording one (for oneself, or by a supervisor for anyone) can
 * hand the absent person's held tasks to the substitute in the same step; the inbox does that part, through the
 * engine's door, task by task.
 */
@Path("/api/staff/absences")
@RolesAllowed({ Roles.COORDINATOR, Roles.SPECIALIST, Roles.FINANCE, Roles.SUPERVISOR })
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocument.INBOX)
public class AbsenceResource {

    /** What recording an absence did: the absence, and the held tasks handed over (when asked). */
    public record Recorded(AbsenceView absence, InboxService.BulkAnswer handedOver) {
    }

    @Inject
    Absences absences;

    @Inject
    InboxService inbox;

    @GET
    @Operation(operationId = "listAbsences", summary = "Absences that last now or are to come, soonest first, with who covers")
    public Page<AbsenceView> list() {
        var all = absences.notOver();
        return new Page<>(all, all.size());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The absence, and the held tasks handed over when asked", headers = @Header(name = "Location", description = ApiDocument.LOCATION, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Recorded.class)))
    @Operation(operationId = "recordAbsence", summary = "Record an absence (staff: the caller when left out; a supervisor for anyone): first and"
            + " last office day, substitute; handOverHeldTasks also hands the person's held tasks to the substitute")
    public Response record(@NotNull(message = "a JSON body with the absence is required") NewAbsence absence) {
        AbsenceView recorded = absences.record(absence);
        InboxService.BulkAnswer handed = absence.handOverHeldTasks()
                ? inbox.handOver(recorded.staff(), recorded.substitute()) : null;
        return Response.created(URI.create("/api/staff/absences/" + recorded.id()))
                .entity(new Recorded(recorded, handed)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getAbsence", summary = "One absence")
    public AbsenceView get(@PathParam("id") String id) {
        return absences.get(Ids.require(id, "Absence"));
    }

    @POST
    @Path("/{id}/end")
    @Operation(operationId = "endAbsence", summary = "End an absence now (back early); it also ends by itself after its last day")
    public AbsenceView end(@PathParam("id") String id) {
        return absences.end(Ids.require(id, "Absence"));
    }

    @POST
    @Path("/{id}/hand-over")
    @Operation(operationId = "handOverAbsentTasks", summary = "Hand every task the absent person holds to their substitute, one result per task")
    public InboxService.BulkAnswer handOver(@PathParam("id") String id) {
        AbsenceView absence = absences.get(Ids.require(id, "Absence"));
        return inbox.handOver(absence.staff(), absence.substitute());
    }
}
