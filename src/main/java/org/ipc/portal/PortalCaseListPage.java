package org.ipc.portal;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.ipc.api.PageForms;
import org.ipc.cases.CaseService;
import org.ipc.cases.CaseStatus;
import org.ipc.security.Roles;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The physician's list of their cases, newest first, with each one's status, next step and what the office needs
 * from them; filtered by status.
 */
@Path("/portal")
@PageForms
@RolesAllowed(Roles.PHYSICIAN)
@Produces(MediaType.TEXT_HTML)
public class PortalCaseListPage {

    private static final int LIST_SIZE = 100;

    /** A case as the list shows it: its status, the next step and what the office needs from the physician. */
    public record CaseRow(PortalCaseSummary c, String status, String next, String needed, String created) {
    }

    @Inject
    CaseService cases;

    @Inject
    PortalPageParts parts;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance cases(PortalWords w, String user, List<CaseRow> cases, String status,
                List<String> statuses);
    }

    @GET
    public TemplateInstance list(@QueryParam("status") String status) {
        PortalWords w = parts.words();
        CaseStatus filter = parseStatus(status);
        List<CaseRow> rows = cases.listForCurrentPhysician(filter, 0, LIST_SIZE).items().stream().map(PortalCaseSummary::of)
                .map(c -> new CaseRow(c, w.t("status." + c.status()), w.t("next." + c.status()),
                        w.t("needs." + c.status()), w.when(c.createdAt())))
                .toList();
        List<String> statuses = java.util.Arrays.stream(CaseStatus.values()).map(Enum::name).toList();
        return Templates.cases(w, parts.user(), rows, filter == null ? "" : filter.name(), statuses);
    }

    private static CaseStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return CaseStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
