package org.ipc.cases;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;

import org.hibernate.Session;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Issues human case references {@code IPC-<year>-<6 digits>} from a database sequence: unique across every
 * replica, never blocking concurrent submissions, and gap-tolerant (a rolled-back submission skips a number).
 */
@ApplicationScoped
public class CaseReferences {

    static final String SEQUENCE = "case_reference_seq";
    /** The year in a reference is the office's year, not UTC's. */
    static final ZoneId OFFICE_ZONE = ZoneId.of("America/New_York");

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    private volatile String nextValueSql;

    public String next() {
        // A sequence does not see the transaction's pending rows: no flush before it (a native query otherwise
        // flushes the whole unit of work)
        long number = ((Number) em.createNativeQuery(nextValueSql()).setFlushMode(FlushModeType.COMMIT)
                .getSingleResult()).longValue();
        return format(ZonedDateTime.now(clock.withZone(OFFICE_ZONE)).getYear(), number);
    }

    static String format(int year, long number) {
        return "IPC-%d-%06d".formatted(year, number);
    }

    private String nextValueSql() {
        String sql = nextValueSql;
        if (sql == null) {
            // The dialect knows how the database spells "next value of a sequence".
            Dialect dialect = em.unwrap(Session.class).getFactory().unwrap(SessionFactoryImplementor.class)
                    .getJdbcServices().getDialect();
            sql = dialect.getSequenceSupport().getSequenceNextValString(SEQUENCE);
            nextValueSql = sql;
        }
        return sql;
    }
}
