package org.ipc.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The extra server settings a benchmark passes to the tests' PostgreSQL, in the form pg_ctl takes them. */
class PostgresResourceTest {

    @Test
    void readsSettingsInPgCtlForm() {
        assertEquals(Map.of("fsync", "off", "synchronous_commit", "off", "shared_buffers", "256MB"),
                PostgresResource.extraSettings(" -c fsync=off -c synchronous_commit=off  shared_buffers=256MB "));
        assertTrue(PostgresResource.extraSettings("").isEmpty());
    }

    @Test
    void refusesWhatIsNotASetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PostgresResource.extraSettings("-c fsync=off -N 20"));
        assertTrue(e.getMessage().contains("'-N'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PostgresResource.extraSettings("-c =off"));
    }
}
