package org.ipc.workflow.schema;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A migration written in Java, numbered among the SQL ones: its version and description, run in the migration's
 * transaction, with no checksum (what it runs is code of this service or of the engine's jar, not a script Flyway
 * could compare).
 */
abstract class JavaStep implements JavaMigration {

    private final MigrationVersion version;
    private final String description;

    JavaStep(String version, String description) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}
