package org.ipc.inbox;

import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.ipc.api.Ids;
import org.ipc.common.Page;
import org.ipc.common.InvalidInputException;
import org.ipc.api.PageRequest;
import org.ipc.security.Roles;
import org.ipc.workitems.WorkItemFilter;
import org.ipc.workitems.TaskView;

/** The task inbox of coordinators and staff: list, claim, unclaim and complete the tasks of the processes. */
@Path("/api/inbox/tasks")
@RolesAllowed({ Roles.COORDINATOR, Roles.SPECIALIST, Roles.FINANCE, Roles.SUPERVISOR })
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    @Inject
    InboxService inbox;

    @GET
    public Page<TaskView> list(
            @QueryParam("assignee") @Pattern(regexp = "me|unassigned", message = "must be me or unassigned") String assignee,
            @QueryParam("language") @Pattern(regexp = "[a-z]{2,3}", message = "must be a language code such as ar") String language,
            @QueryParam("department") @Pattern(regexp = "[a-z0-9-]{1,64}", message = "must be a department code") String department,
            @QueryParam("overdue") @Pattern(regexp = "true|false", message = "must be true or false") String overdue,
            @QueryParam("followUp") @Pattern(regexp = "true|false", message = "must be true or false") String followUp,
            @QueryParam("caseId") String caseId,
            @QueryParam("reference") @Pattern(regexp = "IPC-[0-9]{4}-[0-9]{6}", message = "must be a case reference such as IPC-2026-000123") String reference,
            @QueryParam("patient") @Size(min = 2, max = 100, message = "must be 2 to 100 characters") @Pattern(regexp = "[^\\x00-\\x1F\\x7F]*", message = "must not contain control characters") String patient,
            @QueryParam("process") @Pattern(regexp = "second-opinion|treatment-visit", message = "must be second-opinion or treatment-visit") String process,
            @Valid @BeanParam PageRequest page) {
        WorkItemFilter.Assignee who = assignee == null ? null
                : WorkItemFilter.Assignee.valueOf(assignee.toUpperCase(Locale.ROOT));
        UUID caseUuid = caseId == null ? null
                : Ids.parse(caseId).orElseThrow(() -> InvalidInputException.field("caseId", "must be a case id"));
        return inbox.list(new WorkItemFilter(who, language, department, overdue == null ? null : Boolean.valueOf(overdue),
                followUp == null ? null : Boolean.valueOf(followUp), caseUuid, reference,
                patient == null || patient.isBlank() ? null : patient, process), page.first(), page.size);
    }

    @GET
    @Path("/queues")
    public InboxService.Queues queues() {
        return inbox.queues();
    }

    /** The body of {@code POST /api/inbox/tasks/{id}/delegate}. */
    public record Delegation(@NotBlank @Size(max = 255) String userId) {
    }

    @POST
    @Path("/{id}/delegate")
    @Consumes(MediaType.APPLICATION_JSON)
    public TaskView delegate(@PathParam("id") String id,
            @NotNull(message = "a JSON body with userId is required") @Valid Delegation body) {
        return inbox.delegate(id, body.userId());
    }

    @GET
    @Path("/{id}")
    public TaskDetails get(@PathParam("id") String id) {
        return inbox.details(id);
    }

    @POST
    @Path("/{id}/claim")
    public TaskView claim(@PathParam("id") String id) {
        return inbox.claim(id);
    }

    @POST
    @Path("/{id}/unclaim")
    public TaskView unclaim(@PathParam("id") String id) {
        return inbox.unclaim(id);
    }

    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    public CompletedTask complete(@PathParam("id") String id, TaskCompletion completion) {
        return inbox.complete(id, completion == null ? java.util.Map.of() : completion.variablesOrEmpty());
    }
}
