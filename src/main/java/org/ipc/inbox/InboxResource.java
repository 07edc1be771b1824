package org.ipc.inbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ipc.api.ApiDocument;
import org.ipc.api.ApiExamples;
import org.ipc.api.Ids;
import org.ipc.api.PageRequest;
import org.ipc.common.InvalidInputException;
import org.ipc.common.Page;
import org.ipc.security.Roles;
import org.ipc.workitems.TaskView;
import org.ipc.workitems.WorkItemFilter;

/**
 * The task inbox of coordinators and staff: list, claim, unclaim, complete, set aside and hand on the tasks of the
 * processes, one by one or in bulk.
 */
@Path("/api/inbox/tasks")
@Tag(name = ApiDocument.INBOX)
@RolesAllowed({ Roles.COORDINATOR, Roles.SPECIALIST, Roles.FINANCE, Roles.SUPERVISOR })
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    @Inject
    InboxService inbox;

    @Inject
    SavedFilters filters;

    @GET
    @APIResponse(responseCode = "200", description = "The tasks, sorted by business-time due date unless sort says otherwise")
    @Operation(operationId = "listTasks", summary = "Tasks the caller may work, filtered and sorted; a saved filter (filter=<id>) gives the"
            + " filters, and any filter given beside it wins. By default a task set aside until a later follow-up date"
            + " is left out (followUp=waiting lists those).")
    public Page<TaskView> list(
            @QueryParam("filter") String savedFilter,
            @QueryParam("assignee") @Pattern(regexp = "me|unassigned", message = "must be me or unassigned") String assignee,
            @QueryParam("queue") @Size(max = 255) @Pattern(regexp = "[a-z0-9:-]+", message = "must be a queue such as coordinator:es") String queue,
            @QueryParam("language") @Pattern(regexp = "[a-z]{2,3}", message = "must be a language code such as ar") String language,
            @QueryParam("department") @Pattern(regexp = "[a-z0-9-]{1,64}", message = "must be a department code") String department,
            @QueryParam("overdue") @Pattern(regexp = "true|false", message = "must be true or false") String overdue,
            @QueryParam("followUp") @Pattern(regexp = "due|waiting|none|any", message = "must be due, waiting, none or any") String followUp,
            @QueryParam("caseId") String caseId,
            @QueryParam("reference") @Pattern(regexp = "IPC-[0-9]{4}-[0-9]{6}", message = "must be a case reference such as IPC-2026-000123") String reference,
            @QueryParam("patient") @Size(min = 2, max = 100, message = "must be 2 to 100 characters") @Pattern(regexp = "[^\\x00-\\x1F\\x7F]*", message = "must not contain control characters") String patient,
            @QueryParam("process") @Pattern(regexp = "second-opinion|treatment-visit", message = "must be second-opinion or treatment-visit") String process,
            @QueryParam("sort") @Pattern(regexp = "due|priority|created|follow-up", message = "must be due, priority, created or follow-up") String sort,
            @Valid @BeanParam PageRequest page) {
        WorkItemFilter base = savedFilter == null ? WorkItemFilter.none()
                : filters.filterOf(Ids.parse(savedFilter)
                        .orElseThrow(() -> InvalidInputException.field("filter", "must be a saved filter's id")));
        UUID caseUuid = caseId == null ? null
                : Ids.parse(caseId).orElseThrow(() -> InvalidInputException.field("caseId", "must be a case id"));
        WorkItemFilter filter = new WorkItemFilter(
                assignee == null ? base.assignee() : WorkItemFilter.Assignee.valueOf(assignee.toUpperCase(Locale.ROOT)),
                queue == null ? base.queue() : queue,
                language == null ? base.language() : language,
                department == null ? base.department() : department,
                overdue == null ? base.overdue() : Boolean.valueOf(overdue),
                followUp == null ? base.followUp() : SavedFilters.followUpOf(followUp),
                caseUuid, reference, patient == null || patient.isBlank() ? null : patient,
                process == null ? base.process() : process,
                sort == null ? base.sort() : SavedFilters.sortOf(sort));
        return inbox.list(filter, page.first(), page.size);
    }

    @GET
    @Path("/queues")
    @Operation(operationId = "getQueues", summary = "Counts of the caller's queues and own tasks, from counters kept with every task change;"
            + " stamp changes whenever one of those tasks does")
    public InboxService.Queues queues() {
        return inbox.queues();
    }

    /** The body of {@code POST /api/inbox/tasks/{id}/delegate}. */
    public record Delegation(@NotBlank @Size(max = 255) String userId) {
    }

    @POST
    @Path("/{id}/delegate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "delegateTask", summary = "The holder hands a task to a colleague who may work it")
    @APIResponse(responseCode = "200", description = "The task, now the colleague's")
    @APIResponse(responseCode = "409", description = "Not claimed by the caller, or held by someone else", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "held by someone else", value = ApiExamples.TASK_HELD)))
    public TaskView delegate(@PathParam("id") String id,
            @NotNull(message = "a JSON body with userId is required") @Valid Delegation body) {
        return inbox.delegate(id, body.userId());
    }

    /**
     * The body of {@code POST /api/inbox/tasks/{id}/follow-up}: an office date ({@code 2026-12-08}: the office's first
     * opening that day or after) or a moment with its offset; null brings the task back now.
     */
    public record FollowUp(@Size(max = 40) String followUp) {
    }

    @POST
    @Path("/{id}/follow-up")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setTaskFollowUp", summary = "The holder sets a task aside until a follow-up date (an office date or a moment); it leaves"
            + " the default view until then and shows with followUp=waiting. Null brings it back.")
    @APIResponse(responseCode = "409", description = "Not claimed by the caller", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "held by someone else", value = ApiExamples.TASK_HELD)))
    @APIResponse(responseCode = "200", description = "The task with its follow-up date")
    public TaskView followUp(@PathParam("id") String id,
            @NotNull(message = "a JSON body with followUp is required") @Valid FollowUp body) {
        return inbox.followUp(id, when(body.followUp()));
    }

    /** The body of {@code POST /api/inbox/tasks/bulk}. */
    public record BulkRequest(
            @NotNull @Pattern(regexp = "claim|assign|unclaim", message = "must be claim, assign or unclaim") String action,
            @NotNull @Size(min = 1, max = InboxService.BULK_LIMIT, message = "must name 1 to 100 tasks")
            List<@NotBlank @Size(max = 64) String> taskIds,
            /** For assign: the colleague (staff id, as GET /api/staff lists them) the tasks go to. */
            @Size(max = 255) String assignee) {
    }

    @POST
    @Path("/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "workTasksInBulk", summary = "Claim, give back or assign to a named colleague a selection of tasks; one result per task"
            + " (DONE, HELD_BY_SOMEONE_ELSE, NOT_YOURS, GONE, COLLEAGUE_CANNOT_WORK_IT), each done and audited on its own")
    public InboxService.BulkAnswer bulk(@NotNull(message = "a JSON body with action and taskIds is required") @Valid BulkRequest body) {
        return inbox.bulk(InboxService.BulkAction.valueOf(body.action().toUpperCase(Locale.ROOT)), body.taskIds(),
                body.assignee());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getTask", summary = "A task with its case, its form (the fields completing it takes) and what it is about")
    public TaskDetails get(@PathParam("id") String id) {
        return inbox.details(id);
    }

    @POST
    @Path("/{id}/claim")
    @Operation(operationId = "claimTask", summary = "Take a task: it is the caller's until completed or given back",
            description = "The coordinator who takes a case's first task owns the case; its later coordinator tasks go to them.")
    @APIResponse(responseCode = "200", description = "The task, now the caller's")
    @APIResponse(responseCode = "409", description = "Held by someone else", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "held by someone else", value = ApiExamples.TASK_HELD)))
    public TaskView claim(@PathParam("id") String id) {
        return inbox.claim(id);
    }

    @POST
    @Path("/{id}/unclaim")
    @Operation(operationId = "unclaimTask", summary = "Give a task back to its queues")
    @APIResponse(responseCode = "200", description = "The task, back in its queues")
    @APIResponse(responseCode = "409", description = "Held by someone else", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "held by someone else", value = ApiExamples.TASK_HELD)))
    public TaskView unclaim(@PathParam("id") String id) {
        return inbox.unclaim(id);
    }

    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "completeTask", summary = "Complete a claimed task with values for its form's fields",
            description = "The values are checked against the fields the task declares (GET /api/inbox/tasks/{id}:"
                    + " form); the process moves on and the answer says the case's status after it.")
    @APIResponse(responseCode = "200", description = "The case's status after the process moved on")
    @APIResponse(responseCode = "400", description = "A field the task does not declare, a value of the wrong type, or a required one missing; each is named",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "bad value", value = ApiExamples.BAD_FORM_VALUE)))
    @APIResponse(responseCode = "409", description = "Not claimed by the caller, or held by someone else", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "held by someone else", value = ApiExamples.TASK_HELD)))
    public CompletedTask complete(@PathParam("id") String id,
            @RequestBody(content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(name = "accept the case", value = ApiExamples.TASK_COMPLETION))) TaskCompletion completion) {
        return inbox.complete(id, completion == null ? java.util.Map.of() : completion.variablesOrEmpty());
    }

    private Instant when(String followUp) {
        if (followUp == null || followUp.isBlank()) {
            return null;
        }
        String value = followUp.strip();
        try {
            if (value.length() == 10) {
                return inbox.officeOpeningOn(LocalDate.parse(value));
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInputException.field("followUp",
                    "must be an office date such as 2026-12-08 or a moment such as 2026-12-08T14:00:00-05:00");
        }
    }
}
