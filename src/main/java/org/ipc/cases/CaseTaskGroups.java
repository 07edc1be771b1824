package org.ipc.cases;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;

/**
 * Every candidate group a case's tasks have had, past and present ({@code case_task_group}): what the access policy
 * asks when a role reaches the cases its department or finance has or had a task on. Written in the engine's
 * transaction as tasks are created (by the task read model), never removed; migration 61 filled it from the open
 * tasks and the engine's task history.
 */
@ApplicationScoped
public class CaseTaskGroups {

    @Inject
    EntityManager em;

    /** Adds these groups to the case's (those it has already stay as they are). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID caseId, Collection<String> groups) {
        for (String group : groups) {
            statement("insert into case_task_group (case_id, group_id) values (:caseId, :groupId) on conflict do nothing")
                    .setParameter("caseId", caseId).setParameter("groupId", group).executeUpdate();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> of(UUID caseId) {
        List<?> groups = statement("select group_id from case_task_group where case_id = :caseId")
                .setParameter("caseId", caseId).getResultList();
        Set<String> all = new HashSet<>();
        groups.forEach(g -> all.add((String) g));
        return all;
    }

    /** A statement on this table alone: Hibernate need not flush the unit of work before it (no entity maps it). */
    private NativeQuery<?> statement(String sql) {
        return em.createNativeQuery(sql).unwrap(NativeQuery.class).addSynchronizedQuerySpace("case_task_group");
    }
}
