package org.ipc.inbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * The inbox's list query, written for the one shape it has (the caller's own tasks plus the unassigned tasks of
 * their groups, sorted by due date), over Camunda's task and identity-link tables joined with our case and
 * patient tables. Camunda's generic TaskQuery answers the same question with an outer join and an OR that no
 * index can serve: 140 ms at the median with 100,000 open tasks, against 14 ms here over HTTP
 * (docs/performance.md). Reads Camunda's runtime tables only; every change still goes through Camunda's API.
 */
final class InboxQuery {

    /** One row of the answer: the task's columns, and the total of the whole (unpaged) answer. */
    record Row(String id, String name, String taskKey, String processInstanceId, String assignee, Instant due,
            int priority, Instant created, long total) {
    }

    private InboxQuery() {
    }

    static List<Row> page(EntityManager em, String me, Collection<String> groups, InboxService.Filter filter,
            Instant now, int first, int size) {
        Map<String, Object> params = new HashMap<>();
        boolean mine = filter.assignee() != InboxService.Assignee.UNASSIGNED;
        boolean queues = filter.assignee() != InboxService.Assignee.ME && !groups.isEmpty();
        if (!mine && !queues) {
            return List.of();
        }
        StringBuilder filters = new StringBuilder(" and t.suspension_state_ = 1");
        if (filter.caseId() != null) {
            filters.append(" and c.id = :caseId");
            params.put("caseId", filter.caseId());
        }
        if (filter.process() != null) {
            filters.append(" and t.proc_def_id_ like :process");
            params.put("process", filter.process() + ":%");
        }
        if (filter.department() != null) {
            filters.append(" and c.department = :department");
            params.put("department", filter.department());
        }
        if (filter.language() != null) {
            filters.append(" and (p.preferred_language = :language or p.preferred_language like :languageRegion)");
            params.put("language", filter.language());
            params.put("languageRegion", filter.language() + "-%");
        }
        if (filter.overdue() != null) {
            filters.append(filter.overdue() ? " and t.due_date_ < :now" : " and (t.due_date_ is null or t.due_date_ >= :now)");
            params.put("now", Timestamp.from(now));
        }
        String ours = " left join patient_case c on c.process_instance_id = t.proc_inst_id_"
                + " left join patient p on p.id = c.patient_id";
        String inGroups = "l.type_ = 'candidate' and l.group_id_ in (:groups)";
        if (mine) {
            params.put("me", me);
        }
        if (queues) {
            params.put("groups", groups);
        }

        // The page walks the due-date index and stops after one page (a few milliseconds at 100,000 tasks)...
        List<String> visible = new ArrayList<>();
        if (mine) {
            visible.add("t.assignee_ = :me");
        }
        if (queues) {
            visible.add("(t.assignee_ is null and exists (select 1 from act_ru_identitylink l where l.task_id_ = t.id_"
                    + " and " + inGroups + "))");
        }
        Query page = em.createNativeQuery("select t.id_, t.name_, t.task_def_key_, t.proc_inst_id_, t.assignee_,"
                + " t.due_date_, t.priority_, t.create_time_ from act_ru_task t" + ours
                + " where (" + String.join(" or ", visible) + ")" + filters
                + " order by t.due_date_ asc nulls last, t.priority_ desc, t.create_time_ asc, t.id_"
                + " offset " + first + " rows fetch next " + size + " rows only");
        params.forEach(page::setParameter);
        boolean unfiltered = filter.caseId() == null && filter.process() == null && filter.department() == null
                && filter.language() == null && filter.overdue() == null;
        long total = unfiltered ? quickTotal(em, me, groups, mine, queues)
                : exactTotal(em, "select count(*) from act_ru_task t" + ours + " where ("
                        + String.join(" or ", visible) + ")" + filters, params);
        List<Row> rows = new ArrayList<>();
        for (Object result : page.getResultList()) {
            Object[] r = (Object[]) result;
            rows.add(new Row((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], instant(r[5]),
                    ((Number) r[6]).intValue(), instant(r[7]), total));
        }
        return rows.isEmpty() ? List.of(new Row(null, null, null, null, null, null, 0, null, total)) : rows;
    }

    private static long exactTotal(EntityManager em, String sql, Map<String, Object> params) {
        Query count = em.createNativeQuery(sql);
        params.forEach(count::setParameter);
        return ((Number) count.getSingleResult()).longValue();
    }

    /**
     * The total of the default view from index entries alone: the caller's own tasks, plus the tasks of their
     * groups less those someone holds (held tasks are few next to waiting ones). Exact as long as no task is
     * suspended, which the processes never do.
     */
    private static long quickTotal(EntityManager em, String me, Collection<String> groups, boolean mine,
            boolean queues) {
        long total = 0;
        if (mine) {
            total += ((Number) em.createNativeQuery("select count(*) from act_ru_task where assignee_ = :me")
                    .setParameter("me", me).getSingleResult()).longValue();
        }
        if (queues) {
            long inGroups = ((Number) em.createNativeQuery("select count(distinct task_id_) from act_ru_identitylink"
                    + " where type_ = 'candidate' and group_id_ in (:groups)").setParameter("groups", groups)
                    .getSingleResult()).longValue();
            long held = ((Number) em.createNativeQuery("select count(*) from act_ru_task t where t.assignee_ is not null"
                    + " and exists (select 1 from act_ru_identitylink l where l.task_id_ = t.id_"
                    + " and l.type_ = 'candidate' and l.group_id_ in (:groups))").setParameter("groups", groups)
                    .getSingleResult()).longValue();
            total += inGroups - held;
        }
        return total;
    }

    /** The candidate groups of a page of tasks, in one query. */
    static Map<String, List<String>> candidateGroups(EntityManager em, Collection<String> taskIds) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        if (taskIds.isEmpty()) {
            return groups;
        }
        List<?> links = em.createNativeQuery("select task_id_, group_id_ from act_ru_identitylink"
                + " where type_ = 'candidate' and group_id_ is not null and task_id_ in (:ids) order by group_id_")
                .setParameter("ids", taskIds).getResultList();
        for (Object link : links) {
            Object[] l = (Object[]) link;
            groups.computeIfAbsent((String) l[0], id -> new ArrayList<>()).add((String) l[1]);
        }
        return groups;
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof LocalDateTime local) {
            // Camunda writes its timestamps in the JVM's zone, as java.util.Date does
            return local.atZone(ZoneId.systemDefault()).toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        return ((java.time.OffsetDateTime) value).toInstant();
    }
}
