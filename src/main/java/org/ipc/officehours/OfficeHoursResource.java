package org.ipc.officehours;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.ipc.api.ApiDocument;

/** Office hours and business-time deadlines, for portals and staff to show what the engine will do. */
@Path("/api/office-hours")
@Tag(name = ApiDocument.PUBLIC)
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class OfficeHoursResource {

    @Inject
    OfficeHoursService service;

    @GET
    @Operation(operationId = "getOfficeHours", summary = "Whether the office is open at a moment, when it opens next, and its hours, shown in a time zone")
    public OfficeHoursView hours(
            @Parameter(description = "ISO-8601 instant with offset; now when absent") @QueryParam("at") String at,
            @Parameter(description = "IANA zone to show times in; the office's when absent") @QueryParam("tz") String tz) {
        return service.at(at, tz);
    }

    @GET
    @Path("/deadline")
    @Operation(operationId = "getDeadline", summary = "A business-time deadline, as the process engine computes it",
            description = "A 1-business-day deadline set Friday 16:00 falls Monday 16:00; holidays and closures count.")
    public DeadlineView deadline(
            @Parameter(description = "ISO-8601 instant with offset; now when absent") @QueryParam("from") String from,
            @Parameter(description = "business duration: P1D, PT4H, P1W, -P7D", required = true) @QueryParam("duration") String duration,
            @Parameter(description = "IANA zone to show times in; the office's when absent") @QueryParam("tz") String tz) {
        return service.deadline(from, duration, tz);
    }
}
