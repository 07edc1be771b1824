package org.ipc.workitems;

import static org.ipc.workitems.ReadModelSql.bound;
import static org.ipc.workitems.ReadModelSql.instant;
import static org.ipc.workitems.ReadModelSql.number;
import static org.ipc.workitems.ReadModelSql.searchKey;
import static org.ipc.workitems.ReadModelSql.set;
import static org.ipc.workitems.ReadModelSql.uuid;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.ipc.common.Page;

/**
 * What the inbox reads from the task read model ({@link WorkItemWriter} writes it): a page of the tasks someone may
 * work, with exact totals from the counters and a few index ranges; one task; a case's tasks; the office's open tasks
 * per queue. One query per page, down indexes of our own.
 */
@ApplicationScoped
public class WorkItemQueries {

    private static final String COLUMNS = "w.task_id, w.task_key, w.name, w.process, w.process_instance_id,"
            + " w.case_id, w.case_reference, w.patient_name, w.language, w.department, w.urgency, w.case_status,"
            + " w.case_owner, w.assignee, w.candidate_groups, w.due_at, w.follow_up_at, w.priority, w.created_at";
    private static final String MINE = "w.assignee = :me";
    private static final String IN_QUEUE = "w.assignee is null and w.queue in (:groups)";
    private static final String IN_SEVERAL_GROUPS = "w.assignee is null and w.queue is null and exists"
            + " (select 1 from work_item_group g where g.task_id = w.task_id and g.group_id in (:groups))";

    @Inject
    EntityManager em;

    @Inject
    WorkItemCounts counts;

    /**
     * A page of the tasks {@code me} may work, filtered, in the filter's order (by default: business-time due date,
     * priority, age), with the exact number of them: the caller's own tasks, and the unassigned tasks of their groups.
     */
    @Transactional
    public Page<WorkItem> visibleTo(String me, Collection<String> callerGroups, WorkItemFilter filter, Instant now,
            int first, int size) {
        List<String> groups = filter.queue() == null ? List.copyOf(callerGroups)
                : callerGroups.contains(filter.queue()) ? List.of(filter.queue()) : List.of();
        boolean mine = filter.assignee() != WorkItemFilter.Assignee.UNASSIGNED;
        boolean queues = filter.assignee() != WorkItemFilter.Assignee.ME && !groups.isEmpty();
        if (filter.queue() != null && groups.isEmpty() || !mine && !queues) {
            return new Page<>(List.of(), 0);
        }
        Map<String, Object> params = new HashMap<>();
        String filters = filters(filter, now, params);
        String mineFilter = filters;
        if (mine) {
            params.put("me", me);
            if (filter.queue() != null) {
                mineFilter += " and (w.queue = :queueFilter or exists (select 1 from work_item_group q"
                        + " where q.task_id = w.task_id and q.group_id = :queueFilter))";
                params.put("queueFilter", filter.queue());
            }
        }
        if (queues) {
            params.put("groups", groups);
        }
        // One ordered, limited walk per way of being visible, each down its own index (the caller's own tasks; each
        // of their queues; tasks with several groups), merged and cut to the page. A selective filter (a case, a
        // reference, a name) finds its few rows directly instead, so all the caller's queues are one walk.
        boolean selective = filter.selective();
        // A selective search, and tasks due for or waiting on a follow-up date, are found through their own index and
        // then sorted: few tasks match, and walking a queue in due order to find them would read every task of a
        // queue that has none.
        WorkItemFilter.FollowUp followUp = filter.followUpOrDefault();
        boolean findThenSort = selective || followUp == WorkItemFilter.FollowUp.DUE
                || followUp == WorkItemFilter.FollowUp.WAITING;
        List<String> walks = new ArrayList<>();
        if (mine) {
            walks.add(MINE + mineFilter);
        }
        if (queues) {
            if (selective) {
                walks.add(IN_QUEUE + filters);
            } else {
                int i = 0;
                for (String group : groups) {
                    walks.add("w.assignee is null and w.queue = :group" + i + filters);
                    params.put("group" + i++, group);
                }
            }
            walks.add(IN_SEVERAL_GROUPS + filters);
        }
        String order = " order by " + ORDERS.get(filter.sortOrDefault());
        String cut = findThenSort ? "" : order + " fetch first " + (first + size) + " rows only";
        String union = walks.stream().map(walk -> "(select " + COLUMNS + " from work_item w where " + walk + cut + ")")
                .reduce((a, b) -> a + " union all " + b).orElseThrow();
        String sql = "select w.* from (" + union + ") w" + order + " offset " + first + " rows fetch next " + size
                + " rows only";
        customPlans();
        List<WorkItem> items = size == 0 ? List.of() : rows(bound(em.createNativeQuery(sql), sql, params));

        long total = 0;
        boolean counted = filter.countedByCounters();
        Map<String, WorkItemCounts.Count> counters = Map.of();
        if (counted) {
            List<String> buckets = new ArrayList<>();
            if (mine && filter.queue() == null) {
                buckets.add(WorkItemCounts.held(me));
            }
            if (queues) {
                groups.forEach(g -> buckets.add(WorkItemCounts.queued(g)));
            }
            counters = counts.of(buckets);
        }
        boolean active = followUp == WorkItemFilter.FollowUp.ACTIVE;
        // one count per way of being visible, each served by its own index; the ways exclude each other. Without a
        // filter but who holds it and the queue, the counters answer, less the tasks set aside (few, by index).
        if (mine) {
            if (counted && filter.queue() == null) {
                total += counters.get(WorkItemCounts.held(me)).open()
                        - (active ? count(MINE + " and w.follow_up_at > :now", Map.of("me", me, "now", now)) : 0);
            } else {
                total += count(MINE + mineFilter, params);
            }
        }
        if (queues) {
            if (counted) {
                for (String g : groups) {
                    total += counters.get(WorkItemCounts.queued(g)).open();
                }
                if (active) {
                    total -= count(IN_QUEUE + " and w.follow_up_at > :now", Map.of("groups", groups, "now", now));
                }
            } else {
                total += count(IN_QUEUE + filters, params);
            }
            total += count(IN_SEVERAL_GROUPS + filters, params);
        }
        return new Page<>(items, total);
    }

    /** The inbox's orders, as the walks' indexes hold them. */
    private static final Map<WorkItemFilter.Sort, String> ORDERS = Map.of(
            WorkItemFilter.Sort.DUE, "w.due_at asc nulls last, w.priority desc, w.created_at asc, w.task_id",
            WorkItemFilter.Sort.PRIORITY, "w.priority desc, w.due_at asc nulls last, w.created_at asc, w.task_id",
            WorkItemFilter.Sort.CREATED, "w.created_at asc, w.task_id",
            WorkItemFilter.Sort.FOLLOW_UP, "w.follow_up_at asc nulls last, w.due_at asc nulls last, w.task_id");

    /** One of the caller's queues: its unassigned tasks (not set aside), how many are overdue, how many wait. */
    public record QueueCount(String group, long unassigned, long overdue, long waiting) {
    }

    /**
     * What the caller's inbox holds, cheaply: their own tasks (all, overdue, set aside until a later date) and each of
     * their queues, from the counters and a few small index ranges (overdue and set-aside tasks only); {@code stamp}
     * changes whenever a task of the caller or of one of their queues does, so a page knows when to fetch its list.
     */
    public record Counts(long mine, long mineOverdue, long mineWaiting, List<QueueCount> queues, String stamp) {
    }

    @Transactional
    public Counts countsFor(String me, List<String> groups, Instant now) {
        List<String> buckets = new ArrayList<>(List.of(WorkItemCounts.held(me)));
        groups.forEach(g -> buckets.add(WorkItemCounts.queued(g)));
        Map<String, WorkItemCounts.Count> counters = counts.of(buckets);
        String notWaiting = " and (w.follow_up_at is null or w.follow_up_at <= :now)";
        Object[] mine = (Object[]) bound(em.createNativeQuery("select"
                + " sum(case when w.due_at < :now" + notWaiting + " then 1 else 0 end),"
                + " sum(case when w.follow_up_at > :now then 1 else 0 end) from work_item w where " + MINE), null,
                Map.of("me", me, "now", now)).getSingleResult();
        Map<String, long[]> perQueue = new HashMap<>();
        if (!groups.isEmpty()) {
            Map<String, Object> params = Map.of("groups", groups, "now", now);
            grouped(perQueue, 0, "select w.queue, count(*) from work_item w where " + IN_QUEUE
                    + " and w.follow_up_at > :now group by w.queue", params);
            grouped(perQueue, 1, "select w.queue, count(*) from work_item w where " + IN_QUEUE
                    + " and w.due_at < :now" + notWaiting + " group by w.queue", params);
            // tasks of several groups (rare): counted in each of the caller's groups they have
            grouped(perQueue, 2, "select g.group_id, count(*) from work_item w join work_item_group g on g.task_id ="
                    + " w.task_id where w.assignee is null and w.queue is null and g.group_id in (:groups)"
                    + notWaiting + " group by g.group_id", params);
            grouped(perQueue, 3, "select g.group_id, count(*) from work_item w join work_item_group g on g.task_id ="
                    + " w.task_id where w.assignee is null and w.queue is null and g.group_id in (:groups)"
                    + " and w.due_at < :now" + notWaiting + " group by g.group_id", params);
        }
        long changes = 0;
        List<QueueCount> queues = new ArrayList<>();
        for (String g : groups) {
            WorkItemCounts.Count c = counters.get(WorkItemCounts.queued(g));
            long[] n = perQueue.getOrDefault(g, new long[4]);
            queues.add(new QueueCount(g, c.open() - n[0] + n[2], n[1] + n[3], n[0]));
            changes += c.changes();
        }
        WorkItemCounts.Count held = counters.get(WorkItemCounts.held(me));
        changes += held.changes();
        long several = perQueue.values().stream().mapToLong(n -> n[2]).sum();
        return new Counts(held.open(), number(mine[0]), number(mine[1]), queues, changes + "." + several);
    }

    private void grouped(Map<String, long[]> into, int slot, String sql, Map<String, Object> params) {
        for (Object row : bound(em.createNativeQuery(sql), sql, params).getResultList()) {
            Object[] r = (Object[]) row;
            into.computeIfAbsent((String) r[0], g -> new long[4])[slot] = ((Number) r[1]).longValue();
        }
    }

    private long count(String where, Map<String, Object> params) {
        String sql = "select count(*) from work_item w where " + where;
        return ((Number) bound(em.createNativeQuery(sql), sql, params).getSingleResult()).longValue();
    }

    @Transactional
    public Optional<WorkItem> find(String taskId) {
        if (!couldBeEngineId(taskId)) {
            return Optional.empty();
        }
        return rows(em.createNativeQuery("select " + COLUMNS + " from work_item w where w.task_id = :taskId")
                .setParameter("taskId", taskId)).stream().findFirst();
    }

    /** The ids of the tasks {@code subject} holds, soonest due first. */
    @Transactional
    public List<String> heldBy(String subject) {
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("select w.task_id from work_item w where " + MINE
                + " order by w.due_at asc nulls last, w.task_id").setParameter("me", subject).getResultList();
        return ids;
    }

    /** Every open task of a case, whoever may work it, oldest first. */
    @Transactional
    public List<WorkItem> ofCase(UUID caseId) {
        return rows(em.createNativeQuery("select " + COLUMNS + " from work_item w where w.case_id = :caseId"
                + " order by w.created_at, w.task_id").setParameter("caseId", caseId));
    }

    /** Every row, for comparing the read model with the engine. */
    @Transactional
    public List<WorkItem> all() {
        return rows(em.createNativeQuery("select " + COLUMNS + " from work_item w order by w.task_id"));
    }

    @Transactional
    public long count() {
        return ((Number) em.createNativeQuery("select count(*) from work_item").getSingleResult()).longValue();
    }

    /** The queue of open tasks someone holds, as {@link #openByQueue} counts it. */
    public static final String ASSIGNED = "assigned";

    /**
     * Open tasks per queue, for the office's metrics: each unassigned task in each of its candidate groups, the held
     * ones under {@link #ASSIGNED}; with {@code dueBefore}, only those due before it. Two grouped queries.
     */
    @Transactional
    public Map<String, Long> openByQueue(Instant dueBefore) {
        String due = dueBefore == null ? "" : " and w.due_at < :now";
        Query queues = em.createNativeQuery("select g.group_id, count(*) from work_item w join work_item_group g"
                + " on g.task_id = w.task_id where w.assignee is null" + due + " group by g.group_id");
        Query held = em.createNativeQuery("select count(*) from work_item w where w.assignee is not null" + due);
        if (dueBefore != null) {
            set(queues, "now", dueBefore);
            set(held, "now", dueBefore);
        }
        Map<String, Long> byQueue = new java.util.TreeMap<>();
        for (Object row : (List<?>) queues.getResultList()) {
            Object[] r = (Object[]) row;
            byQueue.put((String) r[0], ((Number) r[1]).longValue());
        }
        byQueue.put(ASSIGNED, ((Number) held.getSingleResult()).longValue());
        return byQueue;
    }

    private static String filters(WorkItemFilter f, Instant now, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder();
        if (f.caseId() != null) {
            sql.append(" and w.case_id = :caseId");
            params.put("caseId", f.caseId());
        }
        if (f.caseReference() != null) {
            sql.append(" and w.case_reference = :caseReference");
            params.put("caseReference", f.caseReference());
        }
        if (f.process() != null) {
            sql.append(" and w.process = :process");
            params.put("process", f.process());
        }
        if (f.department() != null) {
            sql.append(" and w.department = :department");
            params.put("department", f.department());
        }
        if (f.language() != null) {
            sql.append(" and w.language_code = :language");
            params.put("language", f.language());
        }
        if (f.patientName() != null) {
            sql.append(" and (w.patient_name_key like :patient escape '\\' or w.patient_family_key like :patient escape '\\')");
            params.put("patient", searchKey(f.patientName()).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        if (f.overdue() != null) {
            sql.append(f.overdue() ? " and w.due_at < :now" : " and (w.due_at is null or w.due_at >= :now)");
            params.put("now", now);
        }
        switch (f.followUpOrDefault()) {
            case ACTIVE -> sql.append(" and (w.follow_up_at is null or w.follow_up_at <= :now)");
            case DUE -> sql.append(" and w.follow_up_at <= :now");
            case WAITING -> sql.append(" and w.follow_up_at > :now");
            case NONE -> sql.append(" and w.follow_up_at is null");
            case ANY -> {
            }
        }
        if (f.followUpOrDefault() != WorkItemFilter.FollowUp.ANY && f.followUpOrDefault() != WorkItemFilter.FollowUp.NONE) {
            params.put("now", now);
        }
        return sql.toString();
    }

    /**
     * Plans this transaction's queries for the values they carry. The inbox's queries differ in shape by filter and in
     * their best plan by value (a name prefix is selective, a queue is not); a prepared statement's generic plan,
     * which PostgreSQL adopts after a few executions, would scan a queue's every task for a name.
     */
    private void customPlans() {
        em.createNativeQuery("set local plan_cache_mode = force_custom_plan").executeUpdate();
    }

    private static List<WorkItem> rows(Query query) {
        List<WorkItem> items = new ArrayList<>();
        for (Object result : query.getResultList()) {
            Object[] r = (Object[]) result;
            String groups = (String) r[14];
            items.add(new WorkItem((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    uuid(r[5]), (String) r[6], (String) r[7], (String) r[8], (String) r[9], (String) r[10],
                    (String) r[11], (String) r[12], (String) r[13],
                    groups == null || groups.isEmpty() ? List.of() : Arrays.asList(groups.split(",")),
                    instant(r[15]), instant(r[16]), ((Number) r[17]).intValue(), instant(r[18])));
        }
        return items;
    }

    /** Engine ids are up to 64 letters, digits and dashes: anything else names no task, and never reaches a query. */
    static boolean couldBeEngineId(String id) {
        return id != null && !id.isEmpty() && id.length() <= 64
                && id.chars().allMatch(c -> c < 0x80 && (Character.isLetterOrDigit(c) || c == '-'));
    }
}
