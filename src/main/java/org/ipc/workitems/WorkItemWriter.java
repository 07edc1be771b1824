package org.ipc.workitems;

import static org.ipc.workitems.ReadModelSql.readModel;
import static org.ipc.workitems.ReadModelSql.searchKey;
import static org.ipc.workitems.ReadModelSql.set;
import static org.ipc.workitems.ReadModelSql.typed;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.hibernate.type.StandardBasicTypes;
import org.ipc.cases.CaseEvents.CaseOwnerChanged;
import org.ipc.cases.CaseEvents.CaseStatusChanged;
import org.ipc.cases.CaseTaskGroups;
import org.ipc.cases.PatientCase;

/**
 * Writes the task read model: one row per open user task ({@code work_item}, {@code work_item_group}), in the engine's
 * own transaction as the task changes (the task listeners and a rebuild call it), with the case's data beside it, kept
 * current as the case changes; and the counters ({@link WorkItemCounts}) in the same transaction. The inbox reads
 * what it writes through {@link WorkItemQueries}.
 */
@ApplicationScoped
public class WorkItemWriter {

    @Inject
    EntityManager em;

    @Inject
    WorkItemCounts counts;

    @Inject
    CaseTaskGroups caseGroups;

    /** Records the task as it now stands: inserts it, or brings its row up to date. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(TaskState t) {
        PatientCase c = t.caseId() == null ? null : PatientCase.<PatientCase>findById(t.caseId());
        List<String> groups = t.candidateGroups().stream().distinct().sorted().toList();
        Map<String, Object> values = new HashMap<>();
        values.put("taskKey", t.taskKey());
        values.put("name", t.name());
        values.put("process", t.process());
        values.put("processInstanceId", t.processInstanceId());
        values.put("assignee", t.assignee());
        values.put("queue", groups.size() == 1 ? groups.get(0) : null);
        values.put("candidateGroups", String.join(",", groups));
        values.put("priority", t.priority());
        String language = c == null ? null : c.patient.preferredLanguage;
        values.put("caseReference", c == null ? null : c.reference);
        values.put("patientName", c == null ? null : c.patient.givenName + " " + c.patient.familyName);
        values.put("patientNameKey", c == null ? null : searchKey(c.patient.givenName + " " + c.patient.familyName));
        values.put("patientFamilyKey", c == null ? null : searchKey(c.patient.familyName));
        values.put("language", language);
        values.put("languageCode", language == null ? null : Locale.forLanguageTag(language).getLanguage());
        values.put("department", c == null ? null : c.department);
        values.put("urgency", c == null ? null : c.urgency.name());
        values.put("caseStatus", c == null ? null : c.status.name());
        values.put("caseOwner", c == null ? null : c.owner);

        String set = "task_key = :taskKey, name = :name, process = :process,"
                + " process_instance_id = :processInstanceId, case_id = :caseId, case_reference = :caseReference,"
                + " patient_name = :patientName, patient_name_key = :patientNameKey,"
                + " patient_family_key = :patientFamilyKey, language = :language, language_code = :languageCode,"
                + " department = :department, urgency = :urgency, case_status = :caseStatus, case_owner = :caseOwner,"
                + " assignee = :assignee, queue = :queue, candidate_groups = :candidateGroups, due_at = :due,"
                + " follow_up_at = :followUp, priority = :priority, created_at = :created";
        String before = bucketNow(t.taskId());
        Query update = readModel(em, "update work_item set " + set + " where task_id = :taskId");
        bind(update, t, values);
        boolean created = update.executeUpdate() == 0;
        counts.moved(created ? null : before, WorkItemCounts.bucketOf(t.assignee(), (String) values.get("queue")));
        if (created) {
            Query insert = readModel(em, "insert into work_item (task_id, task_key, name, process,"
                    + " process_instance_id, case_id, case_reference, patient_name, patient_name_key,"
                    + " patient_family_key, language, language_code, department, urgency, case_status, case_owner,"
                    + " assignee, queue, candidate_groups, due_at, follow_up_at, priority, created_at) values"
                    + " (:taskId, :taskKey, :name, :process, :processInstanceId, :caseId, :caseReference, :patientName,"
                    + " :patientNameKey, :patientFamilyKey, :language, :languageCode, :department, :urgency,"
                    + " :caseStatus, :caseOwner, :assignee, :queue, :candidateGroups, :due, :followUp, :priority,"
                    + " :created)");
            bind(insert, t, values);
            insert.executeUpdate();
        }
        if (recordGroups(t.taskId(), groups, created) && t.caseId() != null) {
            // what the access policy asks later: the groups a case's tasks have had, past and present
            caseGroups.record(t.caseId(), groups);
        }
    }

    /** The task is done or gone (completed, deleted with its process). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(String taskId) {
        counts.moved(bucketNow(taskId), null);
        readModel(em, "delete from work_item_group where task_id = :taskId").setParameter("taskId", taskId).executeUpdate();
        readModel(em, "delete from work_item where task_id = :taskId").setParameter("taskId", taskId).executeUpdate();
    }

    /**
     * Makes a rebuild the only one running: replicas that start together wait here, then find the table written.
     * (A transaction-scoped advisory lock.)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockForRebuild() {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('ipc.work_item.rebuild'))").getSingleResult();
    }

    /** Forgets every row, before a rebuild writes them again from the engine. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void removeAll() {
        counts.removeAll();
        em.createNativeQuery("delete from work_item_group").executeUpdate();
        em.createNativeQuery("delete from work_item").executeUpdate();
    }

    /** The bucket a task's row is counted in now (null when it has none, or no row). */
    private String bucketNow(String taskId) {
        List<?> row = readModel(em, "select assignee, queue from work_item where task_id = :taskId")
                .setParameter("taskId", taskId).getResultList();
        if (row.isEmpty()) {
            return null;
        }
        Object[] r = (Object[]) row.get(0);
        return WorkItemCounts.bucketOf((String) r[0], (String) r[1]);
    }

    void caseStatusChanged(@Observes CaseStatusChanged changed) {
        em.createNativeQuery("update work_item set case_status = :status where case_id = :caseId")
                .setParameter("status", changed.c().status().name()).setParameter("caseId", changed.c().id())
                .executeUpdate();
    }

    void caseOwnerChanged(@Observes CaseOwnerChanged changed) {
        em.createNativeQuery("update work_item set case_owner = :owner where case_id = :caseId")
                .setParameter("owner", changed.owner()).setParameter("caseId", changed.caseId()).executeUpdate();
    }

    /**
     * Writes the task's groups when it is new or they changed; answers whether it wrote them. A task just created has
     * none yet, so nothing is read or deleted first.
     */
    private boolean recordGroups(String taskId, List<String> groups, boolean created) {
        if (!created) {
            @SuppressWarnings("unchecked")
            List<String> current = readModel(em, "select group_id from work_item_group where task_id = :taskId")
                    .setParameter("taskId", taskId).getResultList();
            if (new HashSet<>(current).equals(new HashSet<>(groups))) {
                return false;
            }
            readModel(em, "delete from work_item_group where task_id = :taskId").setParameter("taskId", taskId)
                    .executeUpdate();
        }
        for (String group : groups) {
            readModel(em, "insert into work_item_group (task_id, group_id) values (:taskId, :groupId)")
                    .setParameter("taskId", taskId).setParameter("groupId", group).executeUpdate();
        }
        return true;
    }

    private static void bind(Query query, TaskState t, Map<String, Object> values) {
        query.setParameter("taskId", t.taskId());
        values.forEach((name, value) -> set(query, name, value));
        typed(query, "caseId", t.caseId(), StandardBasicTypes.UUID);
        typed(query, "due", t.due(), StandardBasicTypes.INSTANT);
        typed(query, "followUp", t.followUp(), StandardBasicTypes.INSTANT);
        typed(query, "created", t.created(), StandardBasicTypes.INSTANT);
    }
}
