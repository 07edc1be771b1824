package org.ipc.staff;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ipc.common.Page;
import org.ipc.security.Roles;
import org.ipc.api.ApiDocument;

/** The staff directory (colleagues by name, who is away) and each staff member's own e-mail notices. */
@Path("/api/staff")
@RolesAllowed({ Roles.COORDINATOR, Roles.SPECIALIST, Roles.FINANCE, Roles.SUPERVISOR })
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocument.INBOX)
public class StaffResource {

    /** A colleague, and their absence when they are away now. */
    public record Member(String subject, String name, String email, List<String> roles, List<String> languages,
            List<String> departments, List<String> taskGroups, AbsenceView away) {
    }

    /** The body of {@code PUT /api/staff/me/notices}: which e-mail notices the caller wants. */
    public record NoticeChoice(@NotNull Boolean taskAssigned, @NotNull Boolean physicianMessage) {
    }

    @Inject
    StaffDirectory directory;

    @Inject
    Absences absences;

    @GET
    @Operation(operationId = "listStaff", summary = "Every staff member who has signed in, by name: the colleagues work can be handed to")
    public Page<Member> list() {
        directory.signedIn();
        List<Member> members = directory.colleagues().stream().map(this::member).toList();
        return new Page<>(members, members.size());
    }

    @GET
    @Path("/me/notices")
    @Operation(operationId = "getNotices", summary = "Which e-mail notices the caller gets")
    public StaffDirectory.Notices notices() {
        return directory.chooseNotices(null);
    }

    @PUT
    @Path("/me/notices")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "chooseNotices", summary = "Choose the e-mail notices: a task someone else gives you; a physician writing on a case you"
            + " own (or cover for)")
    public StaffDirectory.Notices chooseNotices(
            @NotNull(message = "a JSON body with taskAssigned and physicianMessage is required") @Valid NoticeChoice choice) {
        return directory.chooseNotices(new StaffDirectory.Notices(choice.taskAssigned(), choice.physicianMessage()));
    }

    private Member member(StaffDirectory.Colleague c) {
        return new Member(c.subject(), c.name(), c.email(), c.roles(), c.languages(), c.departments(), c.taskGroups(),
                absences.currentOf(c.subject()).orElse(null));
    }
}
