package org.ipc.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.camunda.bpm.quarkus.engine.extension.event.CamundaEngineStartupEvent;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;

/**
 * Indexes the inbox needs on Camunda's own tables, which Camunda creates (so Flyway cannot, it may run first).
 * Created once the engine has its schema, if missing; see docs/performance.md for what each one buys.
 */
@ApplicationScoped
public class EngineIndexes {

    private static final Logger LOG = Logger.getLogger(EngineIndexes.class);

    /** name, table and columns. */
    public static final List<String[]> INDEXES = List.of(
            // every task completion looks for subtasks by parent (camunda/camunda#36824)
            new String[] { "ipc_task_parent", "act_ru_task", "parent_task_id_" },
            // the inbox sorts open tasks by due date, then priority
            new String[] { "ipc_task_due_priority", "act_ru_task", "due_date_, priority_ desc" },
            // candidate-group look-ups go from group to task
            new String[] { "ipc_identitylink_group_task", "act_ru_identitylink", "group_id_, type_, task_id_" },
            // the inbox's total subtracts the held tasks of the caller's groups
            new String[] { "ipc_task_assignee", "act_ru_task", "assignee_, id_" });

    @Inject
    AgroalDataSource dataSource;

    void onEngineStart(@Observes @Priority(10) CamundaEngineStartupEvent event) {
        create();
    }

    public void create() {
        execute(INDEXES.stream().map(i -> "create index if not exists " + i[0] + " on " + i[1] + " (" + i[2] + ")")
                .toList());
    }

    private void execute(List<String> statements) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            LOG.warnf("Could not maintain the inbox indexes on the engine's tables: %s", e.getMessage());
        }
    }
}
