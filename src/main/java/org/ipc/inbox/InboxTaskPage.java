package org.ipc.inbox;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.ipc.api.PageForms;
import org.ipc.api.Redirects;
import org.ipc.api.Violations;
import org.ipc.common.FieldError;
import org.ipc.common.InvalidInputException;
import org.ipc.messages.MessageService;
import org.ipc.messages.NewMessage;
import org.ipc.security.CurrentUser;
import org.ipc.security.Roles;
import org.ipc.staff.StaffDirectory;
import org.ipc.workflow.TaskFormField;
import org.ipc.workitems.TaskView;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * A task's page: the task, its form, what its holder can do (claim, give back, complete, set aside, hand on, reply
 * to the physician), and its case beside it.
 */
@Path("/inbox")
@PageForms
@RolesAllowed({ Roles.COORDINATOR, Roles.SPECIALIST, Roles.FINANCE, Roles.SUPERVISOR })
@Produces(MediaType.TEXT_HTML)
public class InboxTaskPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance task(InboxPageParts.Chrome chrome, TaskPage page);
    }

    /** The task page: the task, its form (one fragment), what the holder can do, and the case beside it. */
    public record TaskPage(InboxPageParts.Row task, List<InboxPageParts.Field> fields, List<FieldError> errors, boolean mine, boolean canHandOn,
            List<StaffDirectory.Colleague> colleagues, String dueForPatient, String followUpValue,
            List<FieldError> followUpErrors, InboxPageParts.CaseSide side) {
    }

    @Inject
    InboxService inbox;

    @Inject
    MessageService messages;

    @Inject
    StaffDirectory directory;

    @Inject
    CurrentUser user;

    @Inject
    PageTimes times;

    @Inject
    InboxPageParts parts;

    @GET
    @Path("/tasks/{id}")
    public TemplateInstance task(@PathParam("id") String id) {
        return taskPage(inbox.details(id), Map.of(), List.of(), List.of(), null, null);
    }

    @POST
    @Path("/tasks/{id}/claim")
    public Response claim(@PathParam("id") String id) {
        inbox.claim(id);
        return Redirects.seeOther("/inbox/tasks/" + id);
    }

    @POST
    @Path("/tasks/{id}/unclaim")
    public Response unclaim(@PathParam("id") String id) {
        inbox.unclaim(id);
        return Redirects.seeOther("/inbox");
    }

    @POST
    @Path("/tasks/{id}/complete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response complete(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        TaskDetails details = inbox.details(id);
        Map<String, Object> variables = new HashMap<>();
        for (TaskFormField field : details.form()) {
            String value = form.getFirst(field.id());
            switch (field.type()) {
                // an unticked box is not sent at all: it means no
                case "boolean" -> variables.put(field.id(), value != null);
                case "long" -> variables.put(field.id(),
                        value == null || value.isBlank() ? null : InboxPageParts.parseLong(value));
                default -> variables.put(field.id(), value);
            }
        }
        try {
            CompletedTask done = inbox.complete(id, variables);
            return Redirects.seeOther("/inbox/cases/" + done.caseId());
        } catch (InvalidInputException invalid) {
            return Response.status(400).entity(taskPage(details, form, invalid.errors(), List.of(), null, null))
                    .build();
        }
    }

    /** The holder sets the task aside until an office date (the same service as the API's follow-up). */
    @POST
    @Path("/tasks/{id}/follow-up")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response followUp(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        String day = InboxPageParts.blankToNull(form.getFirst("followUp"));
        try {
            LocalDate date = day == null ? null : LocalDate.parse(day);
            inbox.followUp(id, date == null ? null : inbox.officeOpeningOn(date));
        } catch (DateTimeParseException e) {
            return refused(id, List.of(new FieldError("followUp", "must be a date such as 2026-12-08")));
        } catch (InvalidInputException invalid) {
            return refused(id, invalid.errors());
        }
        return Redirects.seeOther(day == null ? "/inbox/tasks/" + id : "/inbox?show=follow-up");
    }

    /** The holder (or a supervisor) hands the task to a named colleague. */
    @POST
    @Path("/tasks/{id}/delegate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delegate(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        try {
            inbox.delegate(id, String.valueOf(form.getFirst("userId")));
        } catch (InvalidInputException invalid) {
            return refused(id, invalid.errors());
        }
        return Redirects.seeOther("/inbox");
    }

    /** The task page again, with the holder's action refused beside its form (set aside, hand on). */
    private Response refused(String id, List<FieldError> errors) {
        return Response.status(400).entity(taskPage(inbox.details(id), Map.of(), List.of(), errors, null, null))
                .build();
    }

    /** A reply to the physician from beside the task, checked as {@code POST /api/cases/{id}/messages} checks it. */
    @POST
    @Path("/tasks/{id}/messages")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response taskMessage(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        TaskDetails details = inbox.details(id);
        String body = form.getFirst("body");
        try {
            messages.postAsStaff(details.task().caseId(), new NewMessage(body));
        } catch (ConstraintViolationException invalid) {
            return Response.status(400).entity(taskPage(details, Map.of(), List.of(), List.of(),
                    Violations.fieldErrors(invalid), body)).build();
        }
        return Redirects.seeOther("/inbox/tasks/" + id + "#messages");
    }

    private TemplateInstance taskPage(TaskDetails details, Map<String, ?> sent, List<FieldError> errors,
            List<FieldError> followUpErrors, List<FieldError> messageErrors, String draft) {
        TaskView t = details.task();
        List<InboxPageParts.Field> fields = details.form().stream().map(f -> new InboxPageParts.Field(f.id(), f.label(), f.type(), f.required(),
                f.choices(), InboxPageParts.value(sent, f.id()))).toList();
        boolean mine = user.id().equals(t.assignee());
        boolean canHandOn = mine || user.hasRole(Roles.SUPERVISOR) && t.assignee() != null;
        List<StaffDirectory.Colleague> colleagues = directory.colleagues().stream()
                .filter(c -> !c.subject().equals(t.assignee()) && StaffDirectory.works(c, t.candidateGroups()))
                .toList();
        InboxPageParts.CaseSide side = parts.side(t.caseId(), messageErrors == null ? List.of() : messageErrors, draft,
                "/inbox/tasks/" + t.id() + "/messages");
        String dueForPatient = t.due() == null ? "" : times.patient(t.due(), side.c().patient().timeZone());
        String followUp = t.followUp() == null ? "" : times.officeDate(t.followUp()).toString();
        return Templates.task(parts.chrome("tasks"), new TaskPage(parts.row(t), fields, errors, mine, canHandOn, colleagues,
                dueForPatient, followUp, followUpErrors, side));
    }
}
