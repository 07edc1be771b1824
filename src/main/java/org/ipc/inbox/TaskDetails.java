package org.ipc.inbox;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ipc.workflow.TaskFormField;
import org.ipc.workitems.TaskView;

/** A task with the form its BPMN declares: what completing it asks for. */
@Schema(name = "TaskDetails")
public record TaskDetails(TaskView task, List<TaskFormField> form) {
}
