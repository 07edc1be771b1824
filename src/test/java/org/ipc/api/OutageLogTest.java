package org.ipc.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

class OutageLogTest {

    @Test
    void theOutageIsLoggedOnceInAWhileNotOncePerCall() {
        String name = "org.ipc.api.OutageLogTest.log";
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger(name);
        jul.addHandler(capture);
        jul.setLevel(Level.ALL);
        try {
            OutageLog log = new OutageLog(Logger.getLogger(name));
            for (int i = 0; i < 50; i++) {
                log.warn("Database unavailable: answering 503 to request " + i);
            }
        } finally {
            jul.removeHandler(capture);
        }

        assertThat(records).hasSize(50);
        assertThat(records.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue()))
                .singleElement().satisfies(r -> assertThat(r.getMessage()).endsWith("request 0"));
    }
}
