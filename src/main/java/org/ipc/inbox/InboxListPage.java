package org.ipc.inbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.ipc.api.Ids;
import org.ipc.api.Redirects;
import org.ipc.api.PageForms;
import org.ipc.common.InvalidInputException;
import org.ipc.common.Page;
import org.ipc.security.Roles;
import org.ipc.staff.StaffDirectory;
import org.ipc.workitems.TaskView;
import org.ipc.workitems.WorkItemFilter;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The inbox's list of tasks: the views (all, mine, unassigned, overdue, follow-up), a queue, a saved filter or a
 * case's tasks; the counts its script polls; and bulk work on the tasks ticked in it (the same services as the API).
 */
@Path("/inbox")
@PageForms
@RolesAllowed({ Roles.COORDINATOR, Roles.SPECIALIST, Roles.FINANCE, Roles.SUPERVISOR })
@Produces(MediaType.TEXT_HTML)
public class InboxListPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(InboxPageParts.Chrome chrome, ListPage page);
    }

    private static final int PAGE = 50;

    /** One of the list's views: its name, link, and how many tasks it holds. */
    public record View(String key, String label, String href, boolean current, long count) {
    }

    /** What a bulk request did, for the page that answers it. */
    public record BulkReport(String action, int done, List<String> notDone) {
    }

    /** The list page. */
    public record ListPage(String title, String viewKey, List<InboxPageParts.Row> rows, long total, InboxService.Queues queues,
            List<View> views, List<SavedFilterView> filters, String savedFilter, String queue, String caseReference,
            String zone, List<StaffDirectory.Colleague> colleagues, BulkReport bulk, String listUrl, String sortLabel) {
    }

    @Inject
    InboxService inbox;

    @Inject
    SavedFilters savedFilters;

    @Inject
    StaffDirectory directory;

    @Inject
    PageTimes times;

    @Inject
    InboxPageParts parts;

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
        String queue = InboxPageParts.blankToNull(form.getFirst("queue"));
        String filter = InboxPageParts.blankToNull(form.getFirst("filter"));
        String reference = InboxPageParts.blankToNull(form.getFirst("case"));
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
                return Redirects.seeOther("/inbox" + InboxPageParts.query(params));
            }
            return Response.ok(listPage(show, queue, filter, reference,
                    new BulkReport(bulkLabel(what, answer.done()), answer.done(), notDone))).build();
        } catch (InvalidInputException invalid) {
            return Response.status(400).entity(listPage(show, queue, filter, reference, new BulkReport("Nothing done",
                    0, invalid.errors().stream().map(e -> InboxPageParts.label(e.field()) + " " + e.message()).toList()))).build();
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
        List<InboxPageParts.Row> rows = page.items().stream().map(parts::row).toList();
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
        String listUrl = "/inbox" + InboxPageParts.query(params);
        String sort = switch (query.sortOrDefault()) {
            case DUE -> "sorted by due date (office time, " + times.officeZone() + "), then priority";
            case PRIORITY -> "sorted by priority, then due date";
            case CREATED -> "oldest first";
            case FOLLOW_UP -> "sorted by follow-up date";
        };
        return Templates.inbox(parts.chrome("tasks"), new ListPage(title, key, rows, page.total(), queues, views,
                savedFilters.list().items(), filterId == null ? null : filterId.toString(), queue, reference,
                times.officeZone(), directory.colleagues(), bulk, listUrl, sort));
    }
}
