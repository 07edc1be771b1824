package org.ipc.cases;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;
import org.ipc.api.Enums;
import org.ipc.api.Ids;
import org.ipc.api.Page;
import org.ipc.api.PageRequest;
import org.ipc.api.ProblemException;
import org.ipc.security.Roles;

/** The referring physician's portal: submit a case, list and read one's own cases. */
@Path("/api/portal/cases")
@RolesAllowed(Roles.PHYSICIAN)
@Produces(MediaType.APPLICATION_JSON)
public class PortalCaseResource {

    @Inject
    CaseService cases;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(@NotNull(message = "a JSON body describing the case is required") @Valid NewCaseRequest body,
            @RestHeader("Idempotency-Key") String idempotencyKey) {
        return cases.submit(body, idempotencyKey).toResponse();
    }

    @GET
    public Page<PortalCaseSummary> list(@RestQuery String status, @Valid @BeanParam PageRequest page) {
        return cases.listForCurrentPhysician(status == null ? null : Enums.parse(CaseStatus.class, "status", status),
                page.page, page.size);
    }

    @POST
    @Path("/{id}/withdraw")
    public PortalCaseView withdraw(@PathParam("id") String id) {
        UUID caseId = Ids.parse(id).orElseThrow(() -> ProblemException.notFound("Case"));
        return cases.withdraw(caseId);
    }

    @GET
    @Path("/{id}")
    public PortalCaseView get(@PathParam("id") String id) {
        return Ids.parse(id).flatMap(cases::findForCurrentPhysician)
                .orElseThrow(() -> ProblemException.notFound("Case"));
    }
}
