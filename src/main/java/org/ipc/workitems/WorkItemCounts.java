package org.ipc.workitems;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Exact counts of open tasks without counting them: per bucket ({@code q:<group>}, the unassigned tasks of one queue;
 * {@code a:<subject>}, the tasks someone holds), kept in {@code work_item_count} in the transaction of every change
 * of the read model, with a number of changes per bucket that tells a page whether its list is still current.
 *
 * <p>A busy queue's count would be a hot row that every concurrent change of that queue waits on, so each bucket is
 * spread over {@link #SHARDS} rows and a count is their sum. A transaction collects its changes and writes them just
 * before it commits (after its other writes), all to one shard it picks at random, in the buckets' order: two
 * transactions on the same shard take its rows in the same order, so they wait for each other but never deadlock.
 */
@ApplicationScoped
public class WorkItemCounts {

    static final int SHARDS = 8;
    private static final String PENDING = "ipc.work_item_count.pending";

    /** One bucket's count: open tasks, and changes ever made in it. */
    public record Count(long open, long changes) {
        static final Count ZERO = new Count(0, 0);
    }

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transaction;

    /** The bucket of a task: who holds it, else its one queue; null for an unassigned task of several groups. */
    static String bucketOf(String assignee, String queue) {
        if (assignee != null) {
            return held(assignee);
        }
        return queue == null ? null : queued(queue);
    }

    static String queued(String group) {
        return "q:" + group;
    }

    static String held(String subject) {
        return "a:" + subject;
    }

    /**
     * A task left bucket {@code from} for bucket {@code to} (null: it was not in one, or is gone); the same bucket
     * on both sides is a change of the task inside it (its dates, its priority).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void moved(String from, String to) {
        if (from == null && to == null) {
            return;
        }
        Map<String, long[]> pending = pending();
        if (from != null && from.equals(to)) {
            pending.computeIfAbsent(from, b -> new long[2])[1]++;
            return;
        }
        if (from != null) {
            long[] d = pending.computeIfAbsent(from, b -> new long[2]);
            d[0]--;
            d[1]++;
        }
        if (to != null) {
            long[] d = pending.computeIfAbsent(to, b -> new long[2]);
            d[0]++;
            d[1]++;
        }
    }

    /** Forgets every count (and this transaction's pending changes), before a rebuild writes the rows again. */
    @Transactional(Transactional.TxType.MANDATORY)
    void removeAll() {
        pending().clear();
        em.createNativeQuery("delete from work_item_count").executeUpdate();
    }

    /** The counts of the given buckets; a bucket never written counts zero. */
    @Transactional
    public Map<String, Count> of(Collection<String> buckets) {
        Map<String, Count> counts = new HashMap<>();
        if (buckets.isEmpty()) {
            return counts;
        }
        for (Object[] row : em.createQuery("select c.bucket, sum(c.openTasks), sum(c.changes) from WorkItemCount c"
                + " where c.bucket in :buckets group by c.bucket", Object[].class).setParameter("buckets", buckets)
                .getResultList()) {
            counts.put((String) row[0], new Count(((Number) row[1]).longValue(), ((Number) row[2]).longValue()));
        }
        buckets.forEach(b -> counts.putIfAbsent(b, Count.ZERO));
        return counts;
    }

    /** Every bucket's count, for comparing with the rows themselves. */
    @Transactional
    public Map<String, Long> all() {
        Map<String, Long> counts = new TreeMap<>();
        for (Object[] row : em.createQuery("select c.bucket, sum(c.openTasks) from WorkItemCount c group by c.bucket"
                + " having sum(c.openTasks) <> 0", Object[].class).getResultList()) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    @SuppressWarnings("unchecked")
    private Map<String, long[]> pending() {
        Map<String, long[]> pending = (Map<String, long[]>) transaction.getResource(PENDING);
        if (pending == null) {
            Map<String, long[]> created = new TreeMap<>();
            transaction.putResource(PENDING, created);
            transaction.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    write(created);
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
            pending = created;
        }
        return pending;
    }

    /** Adds the transaction's changes to one shard, bucket by bucket in order. */
    private void write(Map<String, long[]> pending) {
        if (pending.isEmpty()) {
            return;
        }
        short shard = (short) ThreadLocalRandom.current().nextInt(SHARDS);
        for (Map.Entry<String, long[]> change : pending.entrySet()) {
            em.createQuery("""
                    insert into WorkItemCount (bucket, shard, openTasks, changes) values (:bucket, :shard, :open, :changes)
                    on conflict (bucket, shard) do update set openTasks = openTasks + excluded.openTasks,
                        changes = changes + excluded.changes""")
                    .setParameter("bucket", change.getKey()).setParameter("shard", shard)
                    .setParameter("open", change.getValue()[0]).setParameter("changes", change.getValue()[1])
                    .executeUpdate();
        }
    }
}
