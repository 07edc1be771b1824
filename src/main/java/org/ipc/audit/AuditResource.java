package org.ipc.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ipc.api.Ids;
import org.ipc.common.Page;
import org.ipc.api.PageRequest;
import org.ipc.common.InvalidInputException;
import org.ipc.security.Roles;
import org.jboss.resteasy.reactive.RestQuery;
import org.ipc.api.ApiDocument;

/** The audit trail, for admins: read only; no endpoint changes or deletes a row. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = ApiDocument.ADMINISTRATION)
public class AuditResource {

    @Inject
    AuditQueries queries;

    private static final int MAX_USER_ID = 255;

    @GET
    @Operation(operationId = "listAuditEvents", summary = "Who read or changed patient data: newest first, filtered by case, user and time range "
            + "(from inclusive, to exclusive, ISO-8601 with offset)")
    public Page<AuditEntry> find(@RestQuery String caseId, @RestQuery String user, @RestQuery String from,
            @RestQuery String to, @Valid @BeanParam PageRequest page) {
        UUID id = caseId == null || caseId.isBlank() ? null
                : Ids.parse(caseId).orElseThrow(() -> InvalidInputException.field("caseId", "must be a case id (UUID)"));
        if (user != null && user.length() > MAX_USER_ID) {
            // subjects are at most 255 characters; a longer filter would overflow the audit row of this very read
            throw InvalidInputException.field("user", "must be a user id of at most " + MAX_USER_ID + " characters");
        }
        Instant start = instant(from, "from");
        Instant end = instant(to, "to");
        if (start != null && end != null && !start.isBefore(end)) {
            throw InvalidInputException.field("to", "must be after from");
        }
        return queries.find(id, user == null || user.isBlank() ? null : user, start, end, page.page, page.size);
    }

    private static Instant instant(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInputException.field(field, "must be a date and time with offset, e.g. 2026-11-23T09:00:00-05:00");
        }
    }
}
