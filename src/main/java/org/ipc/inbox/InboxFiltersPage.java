package org.ipc.inbox;

import java.util.List;

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

import org.ipc.api.Ids;
import org.ipc.api.Redirects;
import org.ipc.api.PageForms;
import org.ipc.api.Violations;
import org.ipc.common.FieldError;
import org.ipc.common.InvalidInputException;
import org.ipc.security.CurrentUser;
import org.ipc.security.Roles;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The saved-filter editor: the caller's filters and those shared with their queues, and a form for a new one (the
 * same service and checks as {@code /api/inbox/filters}).
 */
@Path("/inbox")
@PageForms
@RolesAllowed({ Roles.COORDINATOR, Roles.SPECIALIST, Roles.FINANCE, Roles.SUPERVISOR })
@Produces(MediaType.TEXT_HTML)
public class InboxFiltersPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance filters(InboxPageParts.Chrome chrome, FiltersPage page);
    }

    /** A choice of a select: the value sent, and the words shown. */
    public record Choice(String value, String label) {
    }

    /** The filter editor: the filters the caller sees with their counts, and the form for a new one. */
    public record FiltersPage(List<SavedFilterView> filters, FilterDefinition draft, List<FieldError> errors,
            List<Choice> queues, List<Choice> languages, List<Choice> departments) {
    }

    @Inject
    SavedFilters savedFilters;

    @Inject
    org.ipc.workitems.QueueNames queueNames;

    @Inject
    CurrentUser user;

    @Inject
    InboxPageParts parts;

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
                InboxPageParts.blankToNull(form.getFirst("sharedWith")), InboxPageParts.blankToNull(form.getFirst("assignee")),
                InboxPageParts.blankToNull(form.getFirst("queue")), InboxPageParts.blankToNull(form.getFirst("language")),
                InboxPageParts.blankToNull(form.getFirst("department")), "true".equals(form.getFirst("overdue")) ? Boolean.TRUE : null,
                InboxPageParts.blankToNull(form.getFirst("followUp")), InboxPageParts.blankToNull(form.getFirst("process")),
                InboxPageParts.blankToNull(form.getFirst("sort")));
        try {
            SavedFilterView saved = savedFilters.create(draft);
            return Redirects.seeOther("/inbox?filter=" + saved.id());
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
        return Redirects.seeOther("/inbox/filters");
    }

    private TemplateInstance filtersPage(FilterDefinition draft, List<FieldError> errors) {
        List<Choice> queues = user.taskGroups().stream().map(g -> new Choice(g, queueNames.of(g))).toList();
        List<Choice> languages = user.languages().stream()
                .map(l -> new Choice(l, org.ipc.common.Words.language(l))).toList();
        List<Choice> departments = queueNames.departments().stream().map(d -> new Choice(d.code, d.name)).toList();
        return Templates.filters(parts.chrome("filters"), new FiltersPage(savedFilters.list().items(),
                draft == null ? new FilterDefinition("", null, null, null, null, null, null, null, null, "due") : draft,
                errors, queues, languages, departments));
    }
}
