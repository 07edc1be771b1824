package org.ipc.api;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

import org.ipc.common.DatabaseOutage;

import io.quarkus.logging.LoggingFilter;

/**
 * Keeps the log readable while the database is away: a line whose exception is an outage ({@link DatabaseOutage})
 * is written without its stack trace, which would only show where the request or job was when the connection went,
 * and which other libraries (the job executor's acquisition, the transaction manager's rollback of a transaction
 * the outage cut short) would print in full. The line itself, with what it says, stays.
 */
@LoggingFilter(name = "database-outage")
public final class DatabaseOutageLogFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        Throwable thrown = record.getThrown();
        if (thrown != null && DatabaseOutage.isCause(thrown)) {
            record.setThrown(null);
            record.setMessage(record.getMessage() + " [database unavailable: " + DatabaseOutage.describe(thrown)
                    + "; stack trace left out]");
        }
        return true;
    }
}
