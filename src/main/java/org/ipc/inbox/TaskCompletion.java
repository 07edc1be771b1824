package org.ipc.inbox;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/inbox/tasks/{id}/complete}: values for the task's declared form fields. */
@Schema(name = "TaskCompletion")
public record TaskCompletion(Map<String, Object> variables) {

    public Map<String, Object> variablesOrEmpty() {
        return variables == null ? Map.of() : variables;
    }
}
