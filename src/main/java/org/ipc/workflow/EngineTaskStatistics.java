package org.ipc.workflow;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * Task counts from Camunda's task and identity-link tables: two grouped queries each, served by the inbox's indexes
 * (migration 21). An unassigned task counts once in each of its candidate groups.
 */
@ApplicationScoped
public class EngineTaskStatistics implements TaskStatistics {

    @Inject
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Long> openByQueue() {
        return counts(null);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Long> overdueByQueue(Instant now) {
        return counts(now);
    }

    private Map<String, Long> counts(Instant overdueAt) {
        String due = overdueAt == null ? "" : " and t.due_date_ < :now";
        Map<String, Long> counts = new TreeMap<>();
        Query queues = em.createNativeQuery("select l.group_id_, count(*) from act_ru_task t join act_ru_identitylink l"
                + " on l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ is not null"
                + " where t.assignee_ is null" + due + " group by l.group_id_");
        Query assigned = em.createNativeQuery("select count(*) from act_ru_task t where t.assignee_ is not null" + due);
        if (overdueAt != null) {
            queues.setParameter("now", Timestamp.from(overdueAt));
            assigned.setParameter("now", Timestamp.from(overdueAt));
        }
        for (Object row : (List<?>) queues.getResultList()) {
            Object[] r = (Object[]) row;
            counts.put((String) r[0], ((Number) r[1]).longValue());
        }
        counts.put(ASSIGNED, ((Number) assigned.getSingleResult()).longValue());
        return counts;
    }
}
