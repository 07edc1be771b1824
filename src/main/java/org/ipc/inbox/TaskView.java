package org.ipc.inbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One task in a worker's inbox, with what they need to pick it: the case, its language and the due date. */
@Schema(name = "Task")
public record TaskView(
        String id,
        String name,
        /** BPMN task id, stable across process versions ({@code IntakeReview}). */
        String taskKey,
        UUID caseId,
        String caseReference,
        String language,
        String department,
        Instant due,
        boolean overdue,
        String assignee,
        List<String> candidateGroups,
        Instant created) {
}
