package org.ipc.workflow.schema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.api.migration.Context;
import org.jboss.logging.Logger;

/**
 * Flyway migration 20: Camunda's schema, from the create scripts that ship inside the camunda-engine jar for the
 * database at hand (PostgreSQL, in production, dev mode and the tests alike), run statement by statement as Camunda
 * itself runs them. The engine then starts with {@code database-schema-update=false} and never changes the schema;
 * a Camunda upgrade is a later migration that runs the jar's upgrade scripts (docs/operations.md).
 * <p>
 * A database whose Camunda tables already exist (created by Camunda itself, before its schema moved to migrations)
 * is left as it is: this migration is then recorded as applied and changes nothing.
 */
public class CamundaSchemaMigration extends JavaStep {

    private static final Logger LOG = Logger.getLogger(CamundaSchemaMigration.class);
    /** Camunda's own order: engine, history, identity, then the CMMN and DMN parts (DbSqlSession.dbSchemaCreate). */
    static final List<String> PARTS = List.of("engine", "history", "identity", "case.engine", "case.history",
            "decision.engine", "decision.history");

    public CamundaSchemaMigration() {
        super("20", "camunda schema from the engine jar");
    }

    @Override
    public void migrate(Context context) throws SQLException, IOException {
        Connection connection = context.getConnection();
        if (hasTable(connection, "act_ge_property")) {
            LOG.info("Camunda's tables exist already (created by the engine itself): kept as they are");
            return;
        }
        String database = scriptDatabase(connection.getMetaData().getDatabaseProductName());
        for (String part : PARTS) {
            run(connection, "org/camunda/bpm/engine/db/create/activiti." + database + ".create." + part + ".sql");
        }
        LOG.infof("Camunda's schema created from the engine's %s scripts", database);
    }

    /** Camunda's name for the database in its script names. */
    static String scriptDatabase(String productName) {
        String product = productName.toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return "postgres";
        }
        throw new IllegalStateException("no Camunda schema scripts for " + productName + "; use PostgreSQL");
    }

    static boolean hasTable(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String name : List.of(table.toLowerCase(Locale.ROOT), table.toUpperCase(Locale.ROOT))) {
            try (ResultSet rs = meta.getTables(connection.getCatalog(), connection.getSchema(), name, null)) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Runs one of the jar's scripts: comment lines skipped, a statement ends with a line ending in a semicolon (the
     * format of Camunda's scripts, which its own DbSqlSession reads the same way).
     */
    static void run(Connection connection, String resource) throws IOException, SQLException {
        InputStream script = CamundaSchemaMigration.class.getClassLoader().getResourceAsStream(resource);
        if (script == null) {
            throw new IllegalStateException("the camunda-engine jar has no " + resource);
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(script, StandardCharsets.UTF_8));
                Statement statement = connection.createStatement()) {
            StringBuilder sql = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("--") || trimmed.startsWith("#")) {
                    continue;
                }
                if (trimmed.endsWith(";")) {
                    sql.append(trimmed, 0, trimmed.length() - 1);
                    statement.execute(sql.toString());
                    sql.setLength(0);
                } else {
                    sql.append(trimmed).append('\n');
                }
            }
            if (!sql.toString().isBlank()) {
                statement.execute(sql.toString());
            }
        }
    }
}
