package org.ipc.workflow;

import java.time.Instant;
import java.util.Map;

/**
 * Open user tasks per queue, for the metrics: the candidate group of each unassigned task, or {@code assigned}. The one
 * place that knows where tasks are counted (Camunda's runtime tables today, the inbox's own table once it has one).
 */
public interface TaskStatistics {

    /** The queue of tasks someone holds. */
    String ASSIGNED = "assigned";

    /** Open tasks per queue. */
    Map<String, Long> openByQueue();

    /** Open tasks per queue whose business-time due date is before {@code now}. */
    Map<String, Long> overdueByQueue(Instant now);
}
