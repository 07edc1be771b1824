package org.ipc.common;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Tells a failure of the database's availability (PostgreSQL restarting or failing over, the network to it down,
 * the connection pool exhausted) from a failure of the request itself, whatever wrapped it on the way up: Hibernate,
 * Camunda's engine, the transaction manager or the pool. Such a failure is temporary: callers answer 503 and the
 * scheduled work waits for the next round, and both say so in the log once in a while instead of once per call
 * ({@code api/OutageLog}).
 */
public final class DatabaseOutage {

    /**
     * PostgreSQL's SQL states for "not reachable now": class 08 (connection exception), 57P01-57P03 (the server is
     * shutting down, crashed or still starting), 53300 (no connection slot left).
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    /** Hibernate's name for a failed connection; named, not imported, so this class needs nothing but the JDK. */
    private static final String HIBERNATE_CONNECTION_FAILURE = "org.hibernate.exception.JDBCConnectionException";

    private DatabaseOutage() {
    }

    /** Whether {@code e}, or any exception that caused it, says the database cannot be reached at the moment. */
    public static boolean isCause(Throwable e) {
        return evidence(e).isPresent();
    }

    /**
     * What says so, for the log: the driver's exception and its SQL state where there is one, else the exception
     * that told; never a message, which may quote data.
     */
    public static String describe(Throwable e) {
        return related(e, 0).filter(t -> stateOf(t) != null && saysUnavailable(t)).findFirst().or(() -> evidence(e))
                .map(t -> t.getClass().getSimpleName() + (stateOf(t) == null ? "" : " (SQL state " + stateOf(t) + ")"))
                .orElse(e.getClass().getSimpleName());
    }

    private static String stateOf(Throwable t) {
        return t instanceof SQLException sql ? sql.getSQLState() : null;
    }

    private static Optional<Throwable> evidence(Throwable e) {
        return related(e, 0).filter(DatabaseOutage::saysUnavailable).findFirst();
    }

    /**
     * {@code e}, its causes, and what they carry beside: the transaction manager reports a commit the database cut
     * short as a rollback with the resource's failure suppressed in it, and a failed batch (Camunda flushes in
     * batches) tells its cause as the next exception.
     */
    private static Stream<Throwable> related(Throwable e, int depth) {
        return Causes.chain(e).flatMap(t -> {
            Stream<Throwable> beside = Stream.of(t.getSuppressed());
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                beside = Stream.concat(beside, Stream.of(sql.getNextException()));
            }
            return depth >= 3 ? Stream.of(t) : Stream.concat(Stream.of(t), beside.flatMap(b -> related(b, depth + 1)));
        });
    }

    private static boolean saysUnavailable(Throwable t) {
        if (HIBERNATE_CONNECTION_FAILURE.equals(t.getClass().getName()) || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (!(t instanceof SQLException sql)) {
            return false;
        }
        String state = sql.getSQLState();
        if (state != null) {
            return state.startsWith("08") || UNAVAILABLE_STATES.contains(state);
        }
        // the pool's own failures carry no SQL state: every connection busy, or none could be made in time
        String message = sql.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}
