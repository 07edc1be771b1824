package org.ipc.departments;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.ipc.api.ApiDocument;
import org.ipc.api.ApiExamples;

/** The departments a case can go to, for portals and the inbox to offer in their forms. */
@Path("/api/departments")
@Tag(name = ApiDocument.PUBLIC)
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class DepartmentResource {

    public record DepartmentView(String code, String name) {
    }

    @Inject
    DepartmentCatalog catalog;

    @GET
    @Operation(operationId = "listDepartments", summary = "The departments a case can go to, in the hospital's order")
    public List<DepartmentView> list() {
        return catalog.all().stream().map(d -> new DepartmentView(d.code, d.name)).toList();
    }
}
