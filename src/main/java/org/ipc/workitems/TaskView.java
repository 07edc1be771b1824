package org.ipc.workitems;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One task in a worker's inbox, with what they need to pick it: the case, its patient, language and status, the
 * due and follow-up dates. Codes stay as they were (clients filter and act on them); each has a field beside it in
 * words for people ({@code queueNames}, {@code statusLabel}, {@code assigneeName}, ...).
 */
@Schema(name = "Task")
public record TaskView(
        String id,
        String name,
        /** BPMN task id, stable across process versions ({@code IntakeReview}). */
        String taskKey,
        String process,
        String processName,
        UUID caseId,
        String caseReference,
        String patientName,
        String language,
        String languageName,
        String department,
        String departmentName,
        String urgency,
        String urgencyLabel,
        String caseStatus,
        String statusLabel,
        Instant due,
        boolean overdue,
        Instant followUp,
        /** Set aside by its holder until {@code followUp}, a later date: not in the default view until then. */
        boolean waiting,
        int priority,
        String assignee,
        String assigneeName,
        List<String> candidateGroups,
        List<String> queueNames,
        String caseOwner,
        String caseOwnerName,
        Instant created) {
}
