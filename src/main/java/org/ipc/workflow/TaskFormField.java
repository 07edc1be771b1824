package org.ipc.workflow;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One form field a task declares: {@code type} is string, long, boolean, date, datetime or enum ({@code choices}). */
@Schema(name = "FormFieldView")
public record TaskFormField(String id, String label, String type, boolean required, Map<String, String> choices) {
}
