package org.ipc.api;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.camunda.bpm.engine.RepositoryService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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

    @Inject
    RepositoryService repository;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

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

    /** The database ends this request's connection, as a restart does to every open one (SQL state 57P01). */
    @POST
    @Path("/connection-lost")
    @Transactional
    @Operation(hidden = true)
    public String connectionLost() {
        return String.valueOf(em.createNativeQuery("select pg_terminate_backend(pg_backend_pid())").getResultList());
    }

    /** The same, met by the engine: the connection it shares with the request dies before its query. */
    @POST
    @Path("/connection-lost-under-the-engine")
    @Transactional
    @Operation(hidden = true)
    public String connectionLostUnderTheEngine() throws SQLException {
        Object pid = em.createNativeQuery("select pg_backend_pid()").getSingleResult();
        try (Connection other = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            other.createStatement().execute("select pg_terminate_backend(" + pid + ")");
        }
        return String.valueOf(repository.createProcessDefinitionQuery().count());
    }
}
