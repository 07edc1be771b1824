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
import org.ipc.api.Problem;
import org.ipc.api.ProblemException;
import org.ipc.messages.MessageService;
import org.ipc.messages.NewMessage;
import org.ipc.officehours.BusinessClock;
import org.ipc.security.CurrentUser;
import org.ipc.security.Roles;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

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
    /** Looked for when a searched reference names no case: matches nothing. */
    private static final UUID NO_CASE = new UUID(0, 0);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.US);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(String user, List<Row> tasks, long total, InboxService.Queues queues,
                String filter, String caseReference, String zone);

        static native TemplateInstance task(String user, Row task, List<Field> fields, List<Problem.FieldError> errors,
                boolean mine);

        static native TemplateInstance caseView(String user, CaseView c, String diagram, List<Line> timeline,
                List<String> steps);
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
        UUID caseId = reference == null ? null : cases.idOf(reference).orElse(NO_CASE);
        InboxService.Filter query = switch (filter) {
            case "mine" -> new InboxService.Filter(InboxService.Assignee.ME, null, null, null, caseId, null);
            case "unassigned" -> new InboxService.Filter(InboxService.Assignee.UNASSIGNED, null, null, null, caseId, null);
            case "overdue" -> new InboxService.Filter(null, null, null, true, caseId, null);
            default -> new InboxService.Filter(null, null, null, null, caseId, null);
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
        for (TaskDetails.FormFieldView field : details.form()) {
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
        } catch (ProblemException invalid) {
            if (invalid.status() != 400) {
                throw invalid;
            }
            return Response.status(400).entity(taskPage(details, form, invalid.errors())).build();
        }
    }

    @GET
    @Path("/cases/{id}")
    public TemplateInstance caseView(@PathParam("id") String id) {
        UUID caseId = Ids.require(id, "Case");
        CaseView c = cases.view(caseId);
        List<Line> timeline = c.timeline().stream()
                .map(e -> new Line(when(e.at()), e.kind(), e.what(), e.who())).toList();
        return Templates.caseView(user.displayName(), c, cases.diagram(caseId), timeline,
                c.currentSteps().stream().map(CaseView.Step::name).toList());
    }

    @POST
    @Path("/cases/{id}/messages")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response message(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID caseId = Ids.require(id, "Case");
        String body = form.getFirst("body");
        if (body == null || body.isBlank() || body.length() > 5000) {
            throw ProblemException.badField("body", "write 1 to 5,000 characters");
        }
        messages.postAsStaff(caseId, new NewMessage(body));
        return seeOther("/inbox/cases/" + caseId + "#messages");
    }

    private TemplateInstance taskPage(TaskDetails details, Map<String, ?> sent, List<Problem.FieldError> errors) {
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
