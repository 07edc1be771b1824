package org.ipc.workitems;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One open task of the read model, with its case's data beside it: a row of {@code work_item}. */
public record WorkItem(String taskId, String taskKey, String name, String process, String processInstanceId,
        UUID caseId, String caseReference, String patientName, String language, String department, String urgency,
        String caseStatus, String caseOwner, String assignee, List<String> candidateGroups, Instant due,
        Instant followUp, int priority, Instant created) {

    public boolean isOverdue(Instant now) {
        return due != null && due.isBefore(now);
    }
}
