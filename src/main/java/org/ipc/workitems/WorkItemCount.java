package org.ipc.workitems;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One shard of one bucket's count of open tasks ({@link WorkItemCounts}); a row of {@code work_item_count}. */
@Entity
@Table(name = "work_item_count")
@IdClass(WorkItemCount.Key.class)
public class WorkItemCount {

    @Id
    public String bucket;

    @Id
    public short shard;

    @Column(name = "open_tasks", nullable = false)
    public long openTasks;

    @Column(nullable = false)
    public long changes;

    public static class Key implements Serializable {
        public String bucket;
        public short shard;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.shard == shard && Objects.equals(k.bucket, bucket);
        }

        @Override
        public int hashCode() {
            return Objects.hash(bucket, shard);
        }
    }
}
