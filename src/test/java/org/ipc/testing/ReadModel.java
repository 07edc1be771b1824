package org.ipc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.ipc.cases.PatientCase;
import org.ipc.workitems.WorkItem;
import org.ipc.workitems.WorkItemQueries;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Holds the task read model against the engine: the rows of {@code work_item} must be exactly Camunda's open tasks
 * (ids, names, keys, assignee, candidate groups, due and follow-up dates, priority, created), each with its case's
 * current reference and status.
 */
@ApplicationScoped
public class ReadModel {

    /** A task as both sides can state it, compared field by field. */
    public record Row(String id, String name, String key, String processInstanceId, String assignee,
            List<String> groups, java.time.Instant due, java.time.Instant followUp, int priority,
            java.time.Instant created, String caseReference, String caseStatus) {
    }

    @Inject
    TaskService tasks;

    @Inject
    WorkItemQueries workItems;

    /** The engine's open tasks of one process instance and the read model's rows for it are the same. */
    public void assertMatchesEngine(String processInstanceId) {
        QuarkusTransaction.requiringNew().run(() -> assertThat(rowsOfReadModel(processInstanceId))
                .as("work items of process %s", processInstanceId)
                .containsExactlyElementsOf(rowsOfEngine(processInstanceId)));
    }

    /** Every open task of the engine against every row of the read model. */
    public void assertMatchesEngineEverywhere() {
        QuarkusTransaction.requiringNew().run(() -> assertThat(rowsOfReadModel(null)).as("all work items")
                .containsExactlyElementsOf(rowsOfEngine(null)));
    }

    private List<Row> rowsOfEngine(String processInstanceId) {
        var query = tasks.createTaskQuery();
        if (processInstanceId != null) {
            query.processInstanceId(processInstanceId);
        }
        return query.list().stream().map(this::row).sorted(Comparator.comparing(Row::id)).toList();
    }

    private List<Row> rowsOfReadModel(String processInstanceId) {
        return workItems.all().stream()
                .filter(w -> processInstanceId == null || processInstanceId.equals(w.processInstanceId()))
                .map(ReadModel::row).sorted(Comparator.comparing(Row::id)).toList();
    }

    private Row row(Task t) {
        List<String> groups = tasks.getIdentityLinksForTask(t.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType())).map(IdentityLink::getGroupId)
                .filter(Objects::nonNull).sorted().toList();
        PatientCase c = t.getProcessInstanceId() == null ? null
                : PatientCase.<PatientCase>find("processInstanceId", t.getProcessInstanceId()).firstResult();
        return new Row(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getProcessInstanceId(), t.getAssignee(),
                groups, t.getDueDate() == null ? null : t.getDueDate().toInstant(),
                t.getFollowUpDate() == null ? null : t.getFollowUpDate().toInstant(), t.getPriority(),
                t.getCreateTime().toInstant(), c == null ? null : c.reference, c == null ? null : c.status.name());
    }

    private static Row row(WorkItem w) {
        return new Row(w.taskId(), w.name(), w.taskKey(), w.processInstanceId(), w.assignee(),
                w.candidateGroups().stream().sorted().toList(), w.due(), w.followUp(), w.priority(), w.created(),
                w.caseReference(), w.caseStatus());
    }
}
