package org.ipc.departments;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;

/** The departments a case can go to, for portals and the inbox to offer in their forms. */
@Path("/api/departments")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class DepartmentResource {

    public record DepartmentView(String code, String name) {
    }

    @Inject
    DepartmentCatalog catalog;

    @GET
    public List<DepartmentView> list() {
        return catalog.all().stream().map(d -> new DepartmentView(d.code, d.name)).toList();
    }
}
