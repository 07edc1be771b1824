package org.ipc.workflow.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The schema comes from migrations: on an empty PostgreSQL (production, dev mode and tests alike) Flyway creates
 * our tables and Camunda's from the engine jar's own scripts, then our indexes on Camunda's tables. A database whose
 * Camunda tables the engine created itself (the upgrade path from the releases before) keeps them and its data,
 * and gets the indexes.
 */
class CamundaSchemaMigrationTest {

    private static final List<String> LOCATIONS = List.of("classpath:db/migration", "classpath:org/ipc/workflow/schema");
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        Path work = Files.createDirectories(Path.of("target", "schema-postgres"));
        postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(org.ipc.testing.PostgresServer.BINARIES.toFile())
                .setDataDirectory(work.resolve("data")).setCleanDataDirectory(true).start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void anEmptyPostgresGetsCamundasSchemaAndOurIndexes() throws SQLException {
        DataSource db = freshDatabase("fresh");
        flyway(db, "db/postgresql").migrate();

        assertThat(tables(db)).contains("act_ge_property", "act_ru_task", "act_ru_job", "act_hi_procinst",
                "act_id_user", "act_re_case_def", "act_re_decision_def", "act_hi_decinst", "patient_case");
        assertThat(single(db, "select value_ from act_ge_property where name_ = 'schema.version'")).isEqualTo("fox");
        assertThat(single(db, "select version_ from act_ge_schema_log order by id_ desc limit 1"))
                .startsWith("7.23");
        assertThat(indexes(db)).contains("ipc_task_parent")
                .doesNotContain("ipc_task_due_priority", "ipc_identitylink_group_task", "ipc_task_assignee");
    }

    @Test
    void aDatabaseWhoseCamundaTablesTheEngineCreatedKeepsThemAndItsData() throws Exception {
        DataSource db = freshDatabase("upgrade");
        // as the releases before did it: our migrations up to 7.1, the engine creating its own tables at start
        Flyway.configure().dataSource(db).locations("classpath:db/migration", "classpath:db/postgresql")
                .baselineOnMigrate(true).baselineVersion("0").target("7.1").load().migrate();
        try (Connection c = db.getConnection()) {
            for (String part : CamundaSchemaMigration.PARTS) {
                CamundaSchemaMigration.run(c, "org/camunda/bpm/engine/db/create/activiti.postgres.create." + part + ".sql");
            }
            try (Statement s = c.createStatement()) {
                s.execute("insert into act_ge_property values ('historyLevel', '1', 1)");
                // the indexes an earlier release created at start, for the inbox query that read Camunda's tables
                s.execute("create index ipc_task_parent on act_ru_task (parent_task_id_)");
                s.execute("create index ipc_task_due_priority on act_ru_task (due_date_, priority_ desc)");
                s.execute("create index ipc_identitylink_group_task on act_ru_identitylink (group_id_, type_, task_id_)");
                s.execute("create index ipc_task_assignee on act_ru_task (assignee_, id_)");
            }
        }

        flyway(db, "db/postgresql").migrate();

        assertThat(single(db, "select value_ from act_ge_property where name_ = 'historyLevel'")).isEqualTo("1");
        assertThat(single(db, "select count(*) from flyway_schema_history where version = '20' and success"))
                .isEqualTo("1");
        assertThat(indexes(db)).as("the engine's one index kept, the old inbox's dropped").contains("ipc_task_parent")
                .doesNotContain("ipc_task_due_priority", "ipc_identitylink_group_task", "ipc_task_assignee");
    }

    private static Flyway flyway(DataSource db, String... extraLocations) {
        List<String> locations = new ArrayList<>(LOCATIONS);
        for (String extra : extraLocations) {
            locations.add("classpath:" + extra);
        }
        return Flyway.configure().dataSource(db).locations(locations.toArray(String[]::new))
                .baselineOnMigrate(true).baselineVersion("0").load();
    }

    private static DataSource freshDatabase(String name) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name);
            s.execute("create database " + name);
        }
        return postgres.getDatabase("postgres", name);
    }

    private static List<String> tables(DataSource db) throws SQLException {
        return column(db, "select table_name from information_schema.tables where table_schema = 'public'");
    }

    private static List<String> indexes(DataSource db) throws SQLException {
        return column(db, "select indexname from pg_indexes where schemaname = 'public'");
    }

    private static String single(DataSource db, String sql) throws SQLException {
        return column(db, sql).get(0);
    }

    private static List<String> column(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
