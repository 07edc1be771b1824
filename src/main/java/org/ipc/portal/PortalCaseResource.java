package org.ipc.portal;

import java.net.URI;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ipc.api.ApiDocument;
import org.ipc.api.ApiExamples;
import org.ipc.common.Enums;
import org.ipc.api.Idempotent;
import org.ipc.api.Ids;
import org.ipc.cases.CaseService;
import org.ipc.cases.CaseStatus;
import org.ipc.cases.PatientCase;
import org.ipc.cases.NewCaseRequest;
import org.ipc.estimates.DepositService;
import org.ipc.common.Page;
import org.ipc.api.PageRequest;
import org.ipc.security.Roles;

/** The referring physician's portal: submit a case, list and read one's own cases, withdraw one. */
@Path("/api/portal/cases")
@Tag(name = ApiDocument.PHYSICIANS)
@RolesAllowed(Roles.PHYSICIAN)
@Produces(MediaType.APPLICATION_JSON)
public class PortalCaseResource {

    @Inject
    CaseService cases;

    @Inject
    Withdrawals withdrawals;

    @Inject
    DepositService deposits;

    @POST
    @Idempotent("submit-case")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "submitCase", summary = "Submit a case for a patient",
            description = "The case starts as SUBMITTED with a reference such as IPC-2026-000123, and the Center"
                    + " acknowledges it at once (saying when the office opens, in the patient's time zone).")
    @APIResponse(responseCode = "201", description = "The case, with Location; a retry with the same Idempotency-Key gets this same answer",
            headers = @Header(name = "Location", description = ApiDocument.LOCATION, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PortalCaseView.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or wrong; each is named", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "invalid fields", value = ApiExamples.INVALID)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "key reused", value = ApiExamples.KEY_REUSED)))
    public Response submit(@RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "second opinion", value = ApiExamples.NEW_CASE)))
            @NotNull(message = "a JSON body describing the case is required") @Valid NewCaseRequest body,
            @Parameter(description = ApiDocument.IDEMPOTENCY_KEY, example = ApiDocument.IDEMPOTENCY_KEY_EXAMPLE)
            @RestHeader("Idempotency-Key") String idempotencyKey) {
        PortalCaseView created = PortalCaseView.of(cases.submit(body));
        return Response.created(URI.create("/api/portal/cases/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(operationId = "listCases", summary = "The caller's own cases, newest first")
    @APIResponse(responseCode = "200", description = "The caller's cases, newest first; filter with status")
    @APIResponse(responseCode = "400", description = "An unknown status or page", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "bad filter", value = ApiExamples.INVALID)))
    public Page<PortalCaseSummary> list(@Parameter(description = "only cases in this status",
            schema = @Schema(implementation = CaseStatus.class)) @RestQuery String status,
            @Valid @BeanParam PageRequest page) {
        Page<PatientCase> own = cases.listForCurrentPhysician(status == null ? null
                : Enums.parse(CaseStatus.class, "status", status), page.page, page.size);
        return new Page<>(own.items().stream().map(PortalCaseSummary::of).toList(), own.total());
    }

    @POST
    @Path("/{id}/withdraw")
    @Operation(operationId = "withdrawCase", summary = "Withdraw a case",
            description = "Ends the case's open tasks and timers cleanly and tells everyone concerned.")
    @APIResponse(responseCode = "200", description = "The case, now WITHDRAWN; its open tasks and timers have ended")
    @APIResponse(responseCode = "404", description = "No such case among the caller's", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "not yours", value = ApiExamples.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The case has already ended", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "already ended", value = ApiExamples.CONFLICT)))

    public PortalCaseView withdraw(@PathParam("id") String id) {
        return withdrawals.withdraw(Ids.require(id, "Case"));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getCase", summary = "One of the caller's cases: status, history, acknowledgement, estimate")
    @APIResponse(responseCode = "200", description = "The case with its status history")
    @APIResponse(responseCode = "404", description = "No such case among the caller's", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "not yours", value = ApiExamples.NOT_FOUND)))

    public PortalCaseView get(@PathParam("id") String id) {
        UUID caseId = Ids.require(id, "Case");
        return PortalCaseView.of(cases.findForCurrentPhysician(caseId))
                .withEstimate(deposits.summaryForPhysician(caseId).map(PortalCaseView.Estimate::of).orElse(null));
    }
}
