package org.ipc.workitems;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An open task as the engine holds it, handed to {@link WorkItemWriter} by the engine's task listeners and by a rebuild:
 * ids, routing (assignee, candidate groups), dates and priority. The case's own data is added from the case.
 */
public record TaskState(String taskId, String taskKey, String name, String process, String processInstanceId,
        UUID caseId, String assignee, List<String> candidateGroups, Instant due, Instant followUp, int priority,
        Instant created) {
}
