package org.ipc.inbox;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A task with the form its BPMN declares: what completing it asks for. */
@Schema(name = "TaskDetails")
public record TaskDetails(TaskView task, List<FormFieldView> form) {

    /** One declared form field: {@code type} is string, long, boolean, date or enum ({@code choices} then). */
    public record FormFieldView(String id, String label, String type, boolean required, Map<String, String> choices) {
    }
}
