package org.ipc.inbox;

import java.util.UUID;

import org.ipc.cases.CaseStatus;

/** What completing a task did: the case's status after the process moved on. */
public record CompletedTask(String taskId, UUID caseId, CaseStatus caseStatus) {
}
