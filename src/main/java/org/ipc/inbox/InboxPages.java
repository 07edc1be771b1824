package org.ipc.inbox;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.ipc.api.Ids;
import org.ipc.api.Violations;
import org.ipc.common.FieldError;
import org.ipc.common.InvalidInputException;
import org.ipc.messages.MessageService;
import org.ipc.messages.NewMessage;
import org.ipc.officehours.BusinessClock;
import org.ipc.security.CurrentUser;
import org.ipc.security.Roles;
import org.ipc.workflow.TaskFormField;
import org.ipc.workitems.WorkItemFilter;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.ipc.api.InboxForms;
import org.ipc.casework.CaseViewService;
import org.ipc.casework.CaseView;
import org.ipc.workitems.TaskView;

/**
 * The inbox web page: signed in through the realm's code flow, server-rendered with Qute, plain HTML forms and a
 * pinch of script. It works the same services as the REST API, so both always agree.
 */
@Path("/inbox")
@InboxForms
@RolesAllowed({ Roles.COORDINATOR, Roles.SPECIALIST, Roles.FINANCE, Roles.SUPERVISOR })
@Produces(MediaType.TEXT_HTML)
public class InboxPages {

    private static final int PAGE = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.US);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(String user, List<Row> tasks, long total, InboxService.Queues queues,
                String filter, String caseReference, String zone);

        static native TemplateInstance task(String user, Row task, List<Field> fields, List<FieldError> errors,
                boolean mine);

        static native TemplateInstance caseView(String user, CaseView c, String diagram, List<Line> timeline,
                List<String> steps, List<FieldError> errors, String draft);
    }

    /** A task as the page lists it, with its due date in the office's time. */
    public record Row(TaskView task, String due, boolean mine) {
    }

    /** A form field as the page renders it: an input per type, with the value last sent. */
    public record Field(String id, String label, String type, boolean required, Map<String, String> choices,
            String value) {
    }

    /** A timeline line with its time written for people. */
    public record Line(String at, String kind, String what, String who) {
    }

    @Inject
    InboxService inbox;

    @Inject
    CaseViewService cases;

    @Inject
    MessageService messages;

    @Inject
    CurrentUser user;

    @Inject
    BusinessClock office;

    @GET
    public TemplateInstance list(@QueryParam("show") String show, @QueryParam("case") String caseReference) {
        String filter = show == null ? "all" : show;
        String reference = caseReference == null || caseReference.isBlank() ? null : caseReference.strip();
        WorkItemFilter byCase = new WorkItemFilter(null, null, null, null, null, null, reference, null, null);
        WorkItemFilter query = switch (filter) {
            case "mine" -> byCase.withAssignee(WorkItemFilter.Assignee.ME);
            case "unassigned" -> byCase.withAssignee(WorkItemFilter.Assignee.UNASSIGNED);
            case "overdue" -> new WorkItemFilter(null, null, null, true, null, null, reference, null, null);
            default -> byCase;
        };
        var page = inbox.list(query, 0, PAGE);
        List<Row> rows = page.items().stream().map(this::row).toList();
        return Templates.inbox(user.displayName(), rows, page.total(), inbox.queues(), filter, reference,
                office.zone().getId());
    }

    @GET
    @Path("/tasks/{id}")
    public TemplateInstance task(@PathParam("id") String id) {
        return taskPage(inbox.details(id), Map.of(), List.of());
    }

    @POST
    @Path("/tasks/{id}/claim")
    public Response claim(@PathParam("id") String id) {
        inbox.claim(id);
        return seeOther("/inbox/tasks/" + id);
    }

    @POST
    @Path("/tasks/{id}/unclaim")
    public Response unclaim(@PathParam("id") String id) {
        inbox.unclaim(id);
        return seeOther("/inbox");
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
                case "long" -> variables.put(field.id(), value == null || value.isBlank() ? null : parseLong(value));
                default -> variables.put(field.id(), value);
            }
        }
        try {
            CompletedTask done = inbox.complete(id, variables);
            return seeOther("/inbox/cases/" + done.caseId());
        } catch (InvalidInputException invalid) {
            return Response.status(400).entity(taskPage(details, form, invalid.errors())).build();
        }
    }

    @GET
    @Path("/cases/{id}")
    public TemplateInstance caseView(@PathParam("id") String id) {
        return casePage(Ids.require(id, "Case"), List.of(), null);
    }

    /**
     * A message to the referring physician, checked by the same rules as {@code POST /api/cases/{id}/messages} (the
     * service validates {@link NewMessage}); a refused one comes back on the case page with the reason and the text.
     */
    @POST
    @Path("/cases/{id}/messages")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response message(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID caseId = Ids.require(id, "Case");
        String body = form.getFirst("body");
        try {
            messages.postAsStaff(caseId, new NewMessage(body));
        } catch (ConstraintViolationException invalid) {
            return Response.status(400).entity(casePage(caseId, Violations.fieldErrors(invalid), body)).build();
        }
        return seeOther("/inbox/cases/" + caseId + "#messages");
    }

    private TemplateInstance casePage(UUID caseId, List<FieldError> errors, String draft) {
        CaseView c = cases.view(caseId);
        List<Line> timeline = c.timeline().stream()
                .map(e -> new Line(when(e.at()), e.kind(), e.what(), e.who())).toList();
        return Templates.caseView(user.displayName(), c, cases.diagram(caseId), timeline,
                c.currentSteps().stream().map(CaseView.Step::name).toList(), errors, draft);
    }

    private TemplateInstance taskPage(TaskDetails details, Map<String, ?> sent, List<FieldError> errors) {
        List<Field> fields = details.form().stream().map(f -> new Field(f.id(), f.label(), f.type(), f.required(),
                f.choices(), value(sent, f.id()))).toList();
        return Templates.task(user.displayName(), row(details.task()), fields, errors,
                user.id().equals(details.task().assignee()));
    }

    private Row row(TaskView t) {
        return new Row(t, t.due() == null ? "" : when(t.due()), user.id().equals(t.assignee()));
    }

    private String when(Instant t) {
        return WHEN.format(t.atZone(ZoneId.of(office.zone().getId())));
    }

    private static String value(Map<String, ?> sent, String id) {
        Object v = sent.get(id);
        if (v instanceof List<?> list) {
            return list.isEmpty() ? null : String.valueOf(list.get(0));
        }
        return v == null ? null : String.valueOf(v);
    }

    private static Object parseLong(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
