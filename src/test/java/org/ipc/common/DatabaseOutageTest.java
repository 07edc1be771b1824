package org.ipc.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

import javax.transaction.xa.XAException;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.ipc.testing.FreePorts;
import org.ipc.testing.PostgresServer;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.transaction.RollbackException;

/**
 * Which failures say "the database is away for a moment" (answered 503, waited out by scheduled work) and which say
 * "this request is wrong" or "bug" (answered as before), with the exceptions the libraries really throw: the
 * PostgreSQL driver against a port nobody listens on, the pool when every connection is taken, and the wrappings
 * Hibernate, Camunda and the transaction manager put around them.
 */
class DatabaseOutageTest {

    @Test
    void aRefusedConnectionIsAnOutage() {
        SQLException refused = (SQLException) catchThrowable(() -> DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + FreePorts.next() + "/ipc", "postgres", "postgres"));

        assertThat(refused.getSQLState()).isEqualTo("08001");
        assertThat(DatabaseOutage.isCause(refused)).isTrue();
        assertThat(DatabaseOutage.isCause(new JDBCConnectionException("Unable to acquire JDBC Connection", refused)))
                .isTrue();
        assertThat(DatabaseOutage.describe(new IllegalStateException("wrapped", refused)))
                .isEqualTo("PSQLException (SQL state 08001)").doesNotContain("127.0.0.1");
    }

    @Test
    void aPoolWithNoConnectionToSpareIsAnOutage() throws Exception {
        try (PostgresServer postgres = PostgresServer.start("outage-test-postgres");
                AgroalDataSource pool = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                        .connectionPoolConfiguration(p -> p.maxSize(1).acquisitionTimeout(Duration.ofSeconds(2))
                                .connectionFactoryConfiguration(f -> f.jdbcUrl(postgres.jdbcUrl())
                                        .principal(new io.agroal.api.security.NamePrincipal("postgres"))
                                        .credential(new io.agroal.api.security.SimplePassword("postgres")))));
                Connection taken = pool.getConnection()) {
            Throwable timeout = catchThrowable(pool::getConnection);

            assertThat(timeout).isInstanceOf(SQLException.class);
            assertThat(DatabaseOutage.isCause(timeout)).as("%s", timeout).isTrue();
            assertThat(taken.isValid(1)).isTrue();
        }
    }

    @Test
    void theServerEndingSessionsIsAnOutageWhateverWrapsIt() {
        SQLException shutdown = new SQLException("terminating connection due to administrator command", "57P01");
        SQLException starting = new SQLException("the database system is starting up", "57P03");
        SQLException full = new SQLException("sorry, too many clients already", "53300");
        SQLException closed = new SQLException("This connection has been closed.", "08003");

        // Camunda: engine exception around MyBatis' around the driver's
        assertThat(DatabaseOutage.isCause(new ProcessEnginePersistenceException("persistence layer",
                new org.apache.ibatis.exceptions.PersistenceException(shutdown)))).isTrue();
        assertThat(DatabaseOutage.isCause(new ProcessEngineException("ENGINE-03083 batch failed",
                batchFailedWith(closed)))).as("a batch tells its cause as the next exception").isTrue();
        // the transaction manager: the commit's failure is suppressed in the rollback it reports
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        XAException xa = new XAException(XAException.XA_RBCOMMFAIL);
        xa.initCause(shutdown);
        rollback.addSuppressed(xa);
        assertThat(DatabaseOutage.isCause(new QuarkusTransactionException(rollback))).isTrue();
        assertThat(DatabaseOutage.describe(new QuarkusTransactionException(rollback)))
                .isEqualTo("SQLException (SQL state 57P01)");
        assertThat(DatabaseOutage.isCause(starting)).isTrue();
        assertThat(DatabaseOutage.isCause(full)).isTrue();
    }

    @Test
    void aWrongStatementAConstraintOrABugIsNot() {
        SQLException duplicate = new SQLException("duplicate key value violates unique constraint", "23505");
        assertThat(DatabaseOutage.isCause(new ConstraintViolationException("dup", duplicate, "uq"))).isFalse();
        assertThat(DatabaseOutage.isCause(new SQLException("relation does not exist", "42P01"))).isFalse();
        assertThat(DatabaseOutage.isCause(new SQLException("could not serialize access", "40001"))).isFalse();
        assertThat(DatabaseOutage.isCause(new SQLException("database dropped", "57P04"))).isFalse();
        assertThat(DatabaseOutage.isCause(new SQLException("no state"))).isFalse();
        assertThat(DatabaseOutage.isCause(new ProcessEngineException("ENGINE-09005 Could not parse BPMN"))).isFalse();
        assertThat(DatabaseOutage.isCause(new IllegalStateException("bug"))).isFalse();
    }

    private static BatchUpdateException batchFailedWith(SQLException cause) {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", new int[0]);
        batch.setNextException(cause);
        return batch;
    }
}
