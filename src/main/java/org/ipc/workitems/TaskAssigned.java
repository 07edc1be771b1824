package org.ipc.workitems;

import java.util.UUID;

/**
 * A person gave a task to someone else (handed on, assigned in bulk, handed over for an absence or with its case),
 * published in the transaction of the change: those who observe it (the staff's e-mail notices) need no change here.
 */
public record TaskAssigned(String taskId, String taskName, UUID caseId, String caseReference, String assignee,
        String by) {
}
