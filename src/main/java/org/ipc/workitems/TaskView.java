package org.ipc.workitems;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One task in a worker's inbox, with what they need to pick it: the case, its patient, language and status, the
 * due and follow-up dates.
 */
@Schema(name = "Task")
public record TaskView(
        String id,
        String name,
        /** BPMN task id, stable across process versions ({@code IntakeReview}). */
        String taskKey,
        String process,
        UUID caseId,
        String caseReference,
        String patientName,
        String language,
        String department,
        String urgency,
        String caseStatus,
        Instant due,
        boolean overdue,
        Instant followUp,
        int priority,
        String assignee,
        List<String> candidateGroups,
        Instant created) {

    public static TaskView of(WorkItem w, Instant now) {
        return new TaskView(w.taskId(), w.name(), w.taskKey(), w.process(), w.caseId(), w.caseReference(),
                w.patientName(), w.language(), w.department(), w.urgency(), w.caseStatus(), w.due(), w.isOverdue(now),
                w.followUp(), w.priority(), w.assignee(), w.candidateGroups(), w.created());
    }
}
