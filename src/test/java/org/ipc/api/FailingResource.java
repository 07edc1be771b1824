package org.ipc.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test build only (src/test): endpoints that fail inside the database the way a bug would, so that
 * {@link ErrorBodiesTest} can look at what such a failure tells the caller. Hidden from the OpenAPI document.
 */
@Path("/test-only/failures")
@PermitAll
public class FailingResource {

    @Inject
    EntityManager em;

    /** SQL that names a patient and a table that does not exist. */
    @POST
    @Path("/statement")
    @Transactional
    @Operation(hidden = true)
    public String badSql() {
        return String.valueOf(em.createNativeQuery(
                "select secret from no_such_table where patient_name = 'Ana Souza'").getResultList());
    }

    /** A second department with an existing code: the primary key constraint fails. */
    @POST
    @Path("/duplicate")
    @Transactional
    @Operation(hidden = true)
    public String duplicateKey() {
        em.createNativeQuery("insert into department (code, name, sort_order) values ('cancer-center', 'Ana Souza', 1)")
                .executeUpdate();
        em.flush();
        return "inserted";
    }
}
