package org.ipc.inbox;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ipc.access.CaseAction;
import org.ipc.access.CasePart;
import org.ipc.api.Downloads;
import org.ipc.api.Ids;
import org.ipc.api.PageForms;
import org.ipc.api.Violations;
import org.ipc.casework.CaseView;
import org.ipc.casework.CaseViewService;
import org.ipc.common.FieldError;
import org.ipc.common.InvalidInputException;
import org.ipc.common.Page;
import org.ipc.documents.Document;
import org.ipc.documents.DocumentService;
import org.ipc.messages.MessageService;
import org.ipc.messages.NewMessage;
import org.ipc.security.CurrentUser;
import org.ipc.security.Roles;
import org.ipc.staff.StaffDirectory;
import org.ipc.workflow.TaskFormField;
import org.ipc.workitems.TaskView;
import org.ipc.workitems.WorkItemFilter;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The inbox web page: signed in through the realm's code flow, server-rendered with Qute and plain HTML forms, with
 * one small script of our own that refreshes the counts and the list (the page works the same without it). It works
 * the same services as the REST API, so both always agree.
 */
@Path("/inbox")
@PageForms
@RolesAllowed({ Roles.COORDINATOR, Roles.SPECIALIST, Roles.FINANCE, Roles.SUPERVISOR })
@Produces(MediaType.TEXT_HTML)
public class InboxPages {

    private static final int PAGE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(Chrome chrome, ListPage page);

        static native TemplateInstance task(Chrome chrome, TaskPage page);

        static native TemplateInstance caseView(Chrome chrome, CasePage page);

        static native TemplateInstance filters(Chrome chrome, FiltersPage page);
    }

    /** What every page's frame shows: who is signed in, which section is open, how often counts refresh. */
    public record Chrome(String user, String section, int refreshSeconds) {
    }

    /** A task as the page lists it, with its due date in the office's time. */
    public record Row(TaskView task, String due, boolean mine, String followUp) {
    }

    /** One of the list's views: its name, link, and how many tasks it holds. */
    public record View(String key, String label, String href, boolean current, long count) {
    }

    /** What a bulk request did, for the page that answers it. */
    public record BulkReport(String action, int done, List<String> notDone) {
    }

    /** The list page. */
    public record ListPage(String title, String viewKey, List<Row> rows, long total, InboxService.Queues queues,
            List<View> views, List<SavedFilterView> filters, String savedFilter, String queue, String caseReference,
            String zone, List<StaffDirectory.Colleague> colleagues, BulkReport bulk, String listUrl, String sortLabel) {
    }

    /** A form field as the page renders it: an input per type, with the value last sent. */
    public record Field(String id, String label, String type, boolean required, Map<String, String> choices,
            String value) {
    }

    /** A timeline line with its time written for people. */
    public record Line(String at, String what, String who) {
    }

    /** A message of the conversation, its time in office time. */
    public record Said(String author, String role, String at, String body, boolean fromPhysician) {
    }

    /**
     * The case beside a task, or on its own page, with what the caller's roles see of it (access/AccessPolicy):
     * the clinical summary, the conversation (and whether they may write to it), the mail sent.
     */
    public record CaseSide(CaseView c, String patientNow, String diagram, List<Line> timeline, List<String> steps,
            List<Said> messages, List<FieldError> messageErrors, String draft, String messageAction,
            List<Row> openTasks, List<Doc> documents, boolean clinical, boolean conversation, boolean mayWrite,
            boolean mailLog) {
    }

    /** A document of the case as the page lists it: its kind in words, its size for people, when it came. */
    public record Doc(UUID id, String fileName, String kind, String size, String uploaded) {
    }

    /** The task page: the task, its form (one fragment), what the holder can do, and the case beside it. */
    public record TaskPage(Row task, List<Field> fields, List<FieldError> errors, boolean mine, boolean canHandOn,
            List<StaffDirectory.Colleague> colleagues, String dueForPatient, String followUpValue,
            List<FieldError> followUpErrors, CaseSide side) {
    }

    /** The case page. */
    public record CasePage(CaseSide side) {
    }

    /** A choice of a select: the value sent, and the words shown. */
    public record Choice(String value, String label) {
    }

    /** The filter editor: the filters the caller sees with their counts, and the form for a new one. */
    public record FiltersPage(List<SavedFilterView> filters, FilterDefinition draft, List<FieldError> errors,
            List<Choice> queues, List<Choice> languages, List<Choice> departments) {
    }

    @Inject
    InboxService inbox;

    @Inject
    SavedFilters savedFilters;

    @Inject
    CaseViewService cases;

    @Inject
    MessageService messages;

    @Inject
    DocumentService documents;

    @Inject
    org.ipc.workitems.QueueNames queueNames;

    @Inject
    StaffDirectory directory;

    @Inject
    CurrentUser user;

    @Inject
    PageTimes times;

    @ConfigProperty(name = "ipc.inbox.refresh-every", defaultValue = "15")
    int refreshSeconds;

    // ---- the list -----------------------------------------------------------------------------------------------

    @GET
    public TemplateInstance list(@QueryParam("show") String show, @QueryParam("queue") String queue,
            @QueryParam("filter") String filter, @QueryParam("case") String caseReference,
            @QueryParam("done") String done) {
        return listPage(show, queue, filter, caseReference, doneReport(done));
    }

    /** What a bulk request that was all done says after its redirect ({@code done=claim:2}); anything else: nothing. */
    private static BulkReport doneReport(String done) {
        if (done == null || !done.matches("(claim|unclaim|assign):[0-9]{1,3}")) {
            return null;
        }
        String[] parts = done.split(":");
        int count = Integer.parseInt(parts[1]);
        return new BulkReport(bulkLabel(InboxService.BulkAction.valueOf(parts[0].toUpperCase(java.util.Locale.ROOT)),
                count), count, List.of());
    }

    private static String bulkLabel(InboxService.BulkAction what, int done) {
        return switch (what) {
            case CLAIM -> done + " claimed";
            case UNCLAIM -> done + " given back to their queues";
            case ASSIGN -> done + " assigned";
        };
    }

    /** The counts the page's script polls: the caller's queues, their own tasks, and a stamp of their changes. */
    @GET
    @Path("/counts")
    @Produces(MediaType.APPLICATION_JSON)
    public InboxService.Queues counts() {
        return inbox.queues();
    }

    /**
     * Claims, gives back, or assigns to a colleague the tasks ticked in the list (the same service as
     * {@code POST /api/inbox/tasks/bulk}); the answer is the list again, saying what was done and what was not, and why.
     */
    @POST
    @Path("/tasks/bulk")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response bulk(MultivaluedMap<String, String> form) {
        String action = form.getFirst("action");
        List<String> ids = form.get("task") == null ? List.of() : form.get("task");
        String show = form.getFirst("show");
        String queue = blankToNull(form.getFirst("queue"));
        String filter = blankToNull(form.getFirst("filter"));
        String reference = blankToNull(form.getFirst("case"));
        InboxService.BulkAction what;
        try {
            what = InboxService.BulkAction.valueOf(String.valueOf(action).toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Response.status(400).entity(listPage(show, queue, filter, reference,
                    new BulkReport("Nothing done", 0, List.of("Choose claim, give back or assign.")))).build();
        }
        if (ids.isEmpty()) {
            return Response.status(400).entity(listPage(show, queue, filter, reference,
                    new BulkReport("Nothing done", 0, List.of("Tick the tasks to work first.")))).build();
        }
        try {
            InboxService.BulkAnswer answer = inbox.bulk(what, ids, form.getFirst("assignee"));
            List<String> notDone = answer.results().stream()
                    .filter(r -> r.outcome() != InboxService.Outcome.DONE)
                    .map(r -> (r.task() == null ? "A task" : r.task().name() + " of " + r.task().caseReference())
                            + ": " + r.message())
                    .toList();
            if (notDone.isEmpty()) {
                // all done: back to the list (a reload does not send the request again), saying so
                Map<String, String> params = new LinkedHashMap<>();
                params.put("show", show == null || show.isBlank() ? null : show);
                params.put("queue", queue);
                params.put("filter", filter);
                params.put("case", reference);
                params.put("done", what.name().toLowerCase(java.util.Locale.ROOT) + ":" + answer.done());
                return seeOther("/inbox" + query(params));
            }
            return Response.ok(listPage(show, queue, filter, reference,
                    new BulkReport(bulkLabel(what, answer.done()), answer.done(), notDone))).build();
        } catch (InvalidInputException invalid) {
            return Response.status(400).entity(listPage(show, queue, filter, reference, new BulkReport("Nothing done",
                    0, invalid.errors().stream().map(e -> label(e.field()) + " " + e.message()).toList()))).build();
        }
    }

    private TemplateInstance listPage(String show, String queue, String filter, String caseReference,
            BulkReport bulk) {
        String key = show == null || show.isBlank() ? "all" : show;
        String reference = caseReference == null || caseReference.isBlank() ? null : caseReference.strip();
        String title = "All I may work";
        WorkItemFilter query = WorkItemFilter.none();
        UUID filterId = null;
        if (filter != null && !filter.isBlank()) {
            filterId = Ids.require(filter, "Filter");
            query = savedFilters.filterOf(filterId);
            title = savedFilters.get(filterId).name();
            key = "filter";
        } else if (queue != null && !queue.isBlank()) {
            query = query.withQueue(queue).withAssignee(WorkItemFilter.Assignee.UNASSIGNED);
            key = "queue";
        } else {
            switch (key) {
                case "mine" -> {
                    query = query.withAssignee(WorkItemFilter.Assignee.ME);
                    title = "Mine";
                }
                case "unassigned" -> {
                    query = query.withAssignee(WorkItemFilter.Assignee.UNASSIGNED);
                    title = "Unassigned in my queues";
                }
                case "overdue" -> {
                    query = query.withOverdue(true);
                    title = "Overdue";
                }
                case "follow-up" -> {
                    query = query.withFollowUp(WorkItemFilter.FollowUp.WAITING).withSort(WorkItemFilter.Sort.FOLLOW_UP);
                    title = "Set aside for follow-up";
                }
                default -> key = "all";
            }
        }
        if (reference != null) {
            query = query.withCaseReference(reference).withFollowUp(WorkItemFilter.FollowUp.ANY);
        }
        Page<TaskView> page = inbox.list(query, 0, PAGE);
        InboxService.Queues queues = inbox.queues();
        if ("queue".equals(key)) {
            title = queues.queues().stream().filter(q -> q.group().equals(queue)).map(InboxService.Queue::name)
                    .findFirst().orElse("Queue");
        }
        List<Row> rows = page.items().stream().map(this::row).toList();
        long unassigned = queues.queues().stream().mapToLong(InboxService.Queue::unassigned).sum();
        long overdue = queues.mineOverdue() + queues.queues().stream().mapToLong(InboxService.Queue::overdue).sum();
        long waiting = queues.mineWaiting() + queues.queues().stream().mapToLong(InboxService.Queue::waiting).sum();
        List<View> views = List.of(
                new View("all", "All I may work", "/inbox", "all".equals(key), queues.mine() - queues.mineWaiting() + unassigned),
                new View("mine", "Mine", "/inbox?show=mine", "mine".equals(key), queues.mine() - queues.mineWaiting()),
                new View("unassigned", "Unassigned", "/inbox?show=unassigned", "unassigned".equals(key), unassigned),
                new View("overdue", "Overdue", "/inbox?show=overdue", "overdue".equals(key), overdue),
                new View("follow-up", "Follow-up", "/inbox?show=follow-up", "follow-up".equals(key), waiting));
        Map<String, String> params = new LinkedHashMap<>();
        if (!"all".equals(key) && !"queue".equals(key) && !"filter".equals(key)) {
            params.put("show", key);
        }
        params.put("queue", "queue".equals(key) ? queue : null);
        params.put("filter", filterId == null ? null : filterId.toString());
        params.put("case", reference);
        String listUrl = "/inbox" + query(params);
        String sort = switch (query.sortOrDefault()) {
            case DUE -> "sorted by due date (office time, " + times.officeZone() + "), then priority";
            case PRIORITY -> "sorted by priority, then due date";
            case CREATED -> "oldest first";
            case FOLLOW_UP -> "sorted by follow-up date";
        };
        return Templates.inbox(chrome("tasks"), new ListPage(title, key, rows, page.total(), queues, views,
                savedFilters.list().items(), filterId == null ? null : filterId.toString(), queue, reference,
                times.officeZone(), directory.colleagues(), bulk, listUrl, sort));
    }

    // ---- a task -------------------------------------------------------------------------------------------------

    @GET
    @Path("/tasks/{id}")
    public TemplateInstance task(@PathParam("id") String id) {
        return taskPage(inbox.details(id), Map.of(), List.of(), List.of(), null, null);
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
            return Response.status(400).entity(taskPage(details, form, invalid.errors(), List.of(), null, null))
                    .build();
        }
    }

    /** The holder sets the task aside until an office date (the same service as the API's follow-up). */
    @POST
    @Path("/tasks/{id}/follow-up")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response followUp(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        String day = blankToNull(form.getFirst("followUp"));
        try {
            LocalDate date = day == null ? null : LocalDate.parse(day);
            inbox.followUp(id, date == null ? null : inbox.officeOpeningOn(date));
        } catch (DateTimeParseException e) {
            return Response.status(400).entity(taskPage(inbox.details(id), Map.of(), List.of(),
                    List.of(new FieldError("followUp", "must be a date such as 2026-12-08")), null, null)).build();
        } catch (InvalidInputException invalid) {
            return Response.status(400).entity(taskPage(inbox.details(id), Map.of(), List.of(), invalid.errors(),
                    null, null)).build();
        }
        return seeOther(day == null ? "/inbox/tasks/" + id : "/inbox?show=follow-up");
    }

    /** The holder (or a supervisor) hands the task to a named colleague. */
    @POST
    @Path("/tasks/{id}/delegate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delegate(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        try {
            inbox.delegate(id, String.valueOf(form.getFirst("userId")));
        } catch (InvalidInputException invalid) {
            return Response.status(400).entity(taskPage(inbox.details(id), Map.of(), List.of(), invalid.errors(),
                    null, null)).build();
        }
        return seeOther("/inbox");
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
        return seeOther("/inbox/tasks/" + id + "#messages");
    }

    // ---- saved filters ------------------------------------------------------------------------------------------

    /** The filter editor: the caller's filters and those shared with their queues, and a form for a new one. */
    @GET
    @Path("/filters")
    public TemplateInstance filters() {
        return filtersPage(null, List.of());
    }

    /** Saves a filter (the same service and checks as {@code POST /api/inbox/filters}). */
    @POST
    @Path("/filters")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveFilter(MultivaluedMap<String, String> form) {
        FilterDefinition draft = new FilterDefinition(String.valueOf(form.getFirst("name") == null ? "" : form.getFirst("name")),
                blankToNull(form.getFirst("sharedWith")), blankToNull(form.getFirst("assignee")),
                blankToNull(form.getFirst("queue")), blankToNull(form.getFirst("language")),
                blankToNull(form.getFirst("department")), "true".equals(form.getFirst("overdue")) ? Boolean.TRUE : null,
                blankToNull(form.getFirst("followUp")), blankToNull(form.getFirst("process")),
                blankToNull(form.getFirst("sort")));
        try {
            SavedFilterView saved = savedFilters.create(draft);
            return seeOther("/inbox?filter=" + saved.id());
        } catch (InvalidInputException invalid) {
            return Response.status(400).entity(filtersPage(draft, invalid.errors())).build();
        } catch (ConstraintViolationException invalid) {
            return Response.status(400).entity(filtersPage(draft, Violations.fieldErrors(invalid))).build();
        }
    }

    /** Deletes one of the caller's own filters. */
    @POST
    @Path("/filters/{id}/delete")
    public Response deleteFilter(@PathParam("id") String id) {
        savedFilters.delete(Ids.require(id, "Filter"));
        return seeOther("/inbox/filters");
    }

    private TemplateInstance filtersPage(FilterDefinition draft, List<FieldError> errors) {
        List<Choice> queues = user.taskGroups().stream().map(g -> new Choice(g, queueNames.of(g))).toList();
        List<Choice> languages = user.languages().stream()
                .map(l -> new Choice(l, org.ipc.common.Words.language(l))).toList();
        List<Choice> departments = queueNames.departments().stream().map(d -> new Choice(d.code, d.name)).toList();
        return Templates.filters(chrome("filters"), new FiltersPage(savedFilters.list().items(),
                draft == null ? new FilterDefinition("", null, null, null, null, null, null, null, null, "due") : draft,
                errors, queues, languages, departments));
    }

    // ---- a case -------------------------------------------------------------------------------------------------

    @GET
    @Path("/cases/{id}")
    public TemplateInstance caseView(@PathParam("id") String id) {
        UUID caseId = Ids.require(id, "Case");
        return Templates.caseView(chrome("tasks"), new CasePage(side(caseId, List.of(), null,
                "/inbox/cases/" + caseId + "/messages")));
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
            return Response.status(400).entity(Templates.caseView(chrome("tasks"), new CasePage(side(caseId,
                    Violations.fieldErrors(invalid), body, "/inbox/cases/" + caseId + "/messages")))).build();
        }
        return seeOther("/inbox/cases/" + caseId + "#messages");
    }

    /** A document of the case, for the signed-in page (audited as the API's download is). */
    @GET
    @Path("/cases/{id}/documents/{docId}")
    @Produces(MediaType.WILDCARD)
    public Response document(@PathParam("id") String id, @PathParam("docId") String docId) {
        DocumentService.Download download = documents.downloadForStaff(Ids.require(id, "Case"),
                Ids.require(docId, "Document"));
        Document d = download.document();
        return Downloads.of(download.content(), d.fileName, d.contentType, d.sizeBytes, d.sha256);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private TemplateInstance taskPage(TaskDetails details, Map<String, ?> sent, List<FieldError> errors,
            List<FieldError> followUpErrors, List<FieldError> messageErrors, String draft) {
        TaskView t = details.task();
        List<Field> fields = details.form().stream().map(f -> new Field(f.id(), f.label(), f.type(), f.required(),
                f.choices(), value(sent, f.id()))).toList();
        boolean mine = user.id().equals(t.assignee());
        boolean canHandOn = mine || user.hasRole(Roles.SUPERVISOR) && t.assignee() != null;
        List<StaffDirectory.Colleague> colleagues = directory.colleagues().stream()
                .filter(c -> !c.subject().equals(t.assignee()) && StaffDirectory.works(c, t.candidateGroups()))
                .toList();
        CaseSide side = side(t.caseId(), messageErrors == null ? List.of() : messageErrors, draft,
                "/inbox/tasks/" + t.id() + "/messages");
        String dueForPatient = t.due() == null ? "" : times.patient(t.due(), side.c().patient().timeZone());
        String followUp = t.followUp() == null ? "" : times.officeDate(t.followUp()).toString();
        return Templates.task(chrome("tasks"), new TaskPage(row(t), fields, errors, mine, canHandOn, colleagues,
                dueForPatient, followUp, followUpErrors, side));
    }

    private CaseSide side(UUID caseId, List<FieldError> messageErrors, String draft, String messageAction) {
        CaseView c = cases.view(caseId);
        List<Line> timeline = c.timeline().stream()
                .map(e -> new Line(times.office(e.at()), e.label(), e.whoName() == null ? "" : e.whoName())).toList();
        List<Said> said = c.messages().stream().map(m -> new Said(m.authorName(), m.authorRole(),
                times.office(m.createdAt()), m.body(), Roles.PHYSICIAN.equals(m.authorRole()))).toList();
        return new CaseSide(c, times.patientNow(c.patient().timeZone()), cases.diagram(caseId), timeline,
                c.currentSteps().stream().map(CaseView.Step::name).toList(), said, messageErrors, draft, messageAction,
                c.openTasks().stream().map(this::row).toList(),
                c.documents().stream().map(d -> new Doc(d.id(), d.fileName(), org.ipc.common.Words.of(d.kind()),
                        size(d.size()), times.office(d.uploadedAt()))).toList(),
                c.access().parts().contains(CasePart.CLINICAL), c.access().parts().contains(CasePart.MESSAGES),
                c.access().actions().contains(CaseAction.SEND_MESSAGE), c.access().parts().contains(CasePart.MAIL_LOG));
    }

    private Chrome chrome(String section) {
        return new Chrome(user.displayName(), section, refreshSeconds);
    }

    private Row row(TaskView t) {
        return new Row(t, t.due() == null ? "" : times.office(t.due()), user.id().equals(t.assignee()),
                t.followUp() == null ? "" : times.office(t.followUp()));
    }

    /** A size for people: 840 bytes, 12 KB, 3.4 MB. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** A field of a form as the page names it. */
    static String label(String field) {
        return switch (field) {
            case "assignee" -> "The colleague";
            case "taskIds" -> "The selection";
            default -> field;
        };
    }

    private static String query(Map<String, String> params) {
        String q = params.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return q.isEmpty() ? "" : "?" + q;
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

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
