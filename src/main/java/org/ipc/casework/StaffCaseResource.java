package org.ipc.casework;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.ipc.api.Ids;
import org.ipc.common.OneLine;
import org.ipc.cases.CaseStatus;
import org.ipc.cases.PatientCase;
import org.ipc.security.Roles;
import org.ipc.workflow.ProcessMessages;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.ipc.api.ApiDocument;

/**
 * The staff's case API, {@code /api/cases/{id}}: the whole case and its process drawn for coordinators and
 * supervisors, and what staff tell a case from outside the inbox: a new owner, a deposit paid, a patient arrived.
 * (Its documents and messages are under the same path, in their own packages.)
 */
@Path("/api/cases/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class StaffCaseResource {

    /** The body of {@code POST /api/cases/{id}/owner}. */
    public record NewOwner(@NotBlank @Size(max = 255) @OneLine String userId) {
    }

    /** What the case looks like after the action. */
    public record CaseState(UUID id, String reference, CaseStatus status, String owner) {
        static CaseState of(PatientCase c) {
            return new CaseState(c.id, c.reference, c.status, c.owner);
        }
    }

    @Inject
    CaseViewService cases;

    @Inject
    ProcessMessages messages;

    @GET
    @RolesAllowed({ Roles.COORDINATOR, Roles.SUPERVISOR })
    @Tag(name = ApiDocument.INBOX)
    @Operation(operationId = "getStaffCase", summary = "The whole case: patient, documents, messages, timeline, current process step")
    public CaseView get(@PathParam("id") String id) {
        return cases.view(Ids.require(id, "Case"));
    }

    @GET
    @Path("/diagram")
    @RolesAllowed({ Roles.COORDINATOR, Roles.SUPERVISOR })
    @Produces("image/svg+xml")
    @Tag(name = ApiDocument.INBOX)
    @Operation(operationId = "getCaseDiagram", summary = "The case's process as a diagram (SVG), its current step marked")
    public String diagram(@PathParam("id") String id) {
        return cases.diagram(Ids.require(id, "Case"));
    }

    @POST
    @Path("/owner")
    @RolesAllowed(Roles.SUPERVISOR)
    @Tag(name = ApiDocument.INBOX)
    @Operation(operationId = "handOverCase", summary = "A supervisor gives the case (and its coordinator tasks) to another coordinator")
    @Consumes(MediaType.APPLICATION_JSON)
    public CaseState handOver(@PathParam("id") String id, @NotNull(message = "a JSON body with userId is required") @Valid NewOwner body) {
        return CaseState.of(messages.handOver(Ids.require(id, "Case"), body.userId()));
    }

    @POST
    @Path("/deposit")
    @RolesAllowed(Roles.FINANCE)
    @Tag(name = ApiDocument.FINANCE)
    @Operation(operationId = "confirmDeposit", summary = "Finance confirms the deposit arrived: the treatment visit goes on")
    public CaseState depositReceived(@PathParam("id") String id) {
        return CaseState.of(messages.depositReceived(Ids.require(id, "Case")));
    }

    @POST
    @Path("/arrival")
    @RolesAllowed({ Roles.COORDINATOR, Roles.SUPERVISOR })
    @Tag(name = ApiDocument.INBOX)
    @Operation(operationId = "recordArrival", summary = "The patient has arrived for the visit")
    public CaseState patientArrived(@PathParam("id") String id) {
        return CaseState.of(messages.patientArrived(Ids.require(id, "Case")));
    }
}
