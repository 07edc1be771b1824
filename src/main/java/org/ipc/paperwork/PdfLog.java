package org.ipc.paperwork;

import java.util.logging.Level;

import org.jboss.logging.Logger;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;

/**
 * Sends the PDF library's messages to the service's log (category {@code com.openhtmltopdf.<area>}) instead of its
 * own console printer: its information is debug detail for us, its warnings stay warnings.
 */
final class PdfLog implements XRLogger {

    private static final PdfLog INSTANCE = new PdfLog();

    static void install() {
        if (XRLog.getLoggerImpl() != INSTANCE) {
            XRLog.setLoggerImpl(INSTANCE);
        }
    }

    private PdfLog() {
    }

    @Override
    public void log(String where, Level level, String msg) {
        Logger.getLogger(where).log(level(level), msg);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        Logger.getLogger(where).log(level(level), msg, th);
    }

    @Override
    public void setLevel(String logger, Level level) {
        // levels come from the service's logging configuration
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        return Logger.getLogger(XRLog.GENERAL).isEnabled(level(diagnostic.getLevel()));
    }

    private static Logger.Level level(Level level) {
        if (level.intValue() >= Level.SEVERE.intValue()) {
            return Logger.Level.ERROR;
        }
        return level.intValue() >= Level.WARNING.intValue() ? Logger.Level.WARN : Logger.Level.DEBUG;
    }
}
