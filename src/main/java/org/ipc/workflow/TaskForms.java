package org.ipc.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.FormFieldValidationConstraint;
import org.ipc.common.FieldError;
import org.ipc.common.InvalidInputException;
import org.ipc.common.PlainText;
import org.ipc.officehours.BusinessClock;

/**
 * Checks submitted values against the form fields a BPMN user task declares ({@code camunda:formData}) and
 * converts them to the declared types, so a wrong or missing field is a 400 that names it, before the engine
 * sees anything.
 */
public final class TaskForms {

    private static final String PREFIX = "variables.";

    private TaskForms() {
    }

    static List<TaskFormField> describe(List<FormField> fields) {
        return fields.stream().map(f -> new TaskFormField(f.getId(), f.getLabel(), f.getTypeName(),
                isRequired(f), choices(f))).toList();
    }

    /**
     * A checked form: typed values (choices, yes/no, numbers, dates) go to the process as routing keys; free
     * text goes to the case's notes, never into process variables.
     */
    public record Submission(Map<String, Object> processValues, Map<String, String> notes) {
    }

    static Submission validate(List<FormField> fields, Map<String, Object> submitted, BusinessClock office) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        Set<String> declared = new TreeSet<>();
        for (FormField field : fields) {
            declared.add(field.getId());
            Object raw = submitted.get(field.getId());
            if (raw == null || (raw instanceof String s && s.isBlank())) {
                if (isRequired(field)) {
                    errors.add(new FieldError(PREFIX + field.getId(), "is required"));
                }
                continue;
            }
            String problem = convert(field, raw, values, office);
            if (problem != null) {
                errors.add(new FieldError(PREFIX + field.getId(), problem));
            }
        }
        submitted.keySet().stream().filter(k -> !declared.contains(k)).sorted().forEach(k -> errors.add(
                new FieldError(PREFIX + k, "is not a field of this task; its fields are " + declared)));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Map<String, String> notes = new LinkedHashMap<>();
        for (FormField field : fields) {
            if ("string".equals(field.getTypeName()) && values.containsKey(field.getId())) {
                notes.put(field.getId(), (String) values.remove(field.getId()));
            }
        }
        return new Submission(values, notes);
    }

    /**
     * Puts the converted value into {@code values}, or answers what is wrong with it. Dates go on to timers and
     * business-time deadlines, so they must be within the business clock's limits.
     */
    private static String convert(FormField field, Object raw, Map<String, Object> values, BusinessClock office) {
        ZoneId hospitalZone = office.zone();
        switch (field.getTypeName()) {
            case "boolean" -> {
                if (!(raw instanceof Boolean)) {
                    return "must be true or false";
                }
                values.put(field.getId(), raw);
            }
            case "long" -> {
                if (!(raw instanceof Integer || raw instanceof Long)) {
                    return "must be a whole number";
                }
                values.put(field.getId(), ((Number) raw).longValue());
            }
            case "enum" -> {
                Map<String, String> choices = choices(field);
                if (!(raw instanceof String s) || !choices.containsKey(s)) {
                    return "must be one of " + choices.keySet();
                }
                values.put(field.getId(), raw);
            }
            case "date" -> {
                LocalDate date;
                try {
                    date = LocalDate.parse(String.valueOf(raw));
                } catch (DateTimeParseException e) {
                    return "must be a date (YYYY-MM-DD)";
                }
                if (!office.withinDateLimits(date.atStartOfDay(hospitalZone).toInstant())) {
                    return BusinessClock.DATE_LIMIT;
                }
                values.put(field.getId(), java.sql.Date.valueOf(date));
            }
            case DateTimeFormType.NAME -> {
                Instant at = dateTime(String.valueOf(raw), hospitalZone);
                if (at == null) {
                    return "must be a date and time, YYYY-MM-DDTHH:MM in the hospital's time (" + hospitalZone
                            + ") or with an offset";
                }
                if (!office.withinDateLimits(at)) {
                    return BusinessClock.DATE_LIMIT;
                }
                values.put(field.getId(), Date.from(at));
            }
            default -> {
                if (!(raw instanceof String s)) {
                    return "must be text";
                }
                if (!PlainText.acceptable(s)) {
                    return PlainText.CONTROL_CHARACTERS;
                }
                Integer max = intConstraint(field, "maxlength");
                if (max != null && s.length() > max) {
                    return "must be at most " + max + " characters";
                }
                values.put(field.getId(), s);
            }
        }
        return null;
    }

    /** {@code 2026-12-14T09:30} in the hospital's zone, or a moment with its offset; null when neither. */
    private static Instant dateTime(String text, ZoneId hospitalZone) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(hospitalZone).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    private static boolean isRequired(FormField field) {
        return field.getValidationConstraints().stream().anyMatch(c -> "required".equals(c.getName()));
    }

    private static Integer intConstraint(FormField field, String name) {
        for (FormFieldValidationConstraint c : field.getValidationConstraints()) {
            if (name.equals(c.getName()) && c.getConfiguration() != null) {
                return Integer.valueOf(c.getConfiguration().toString());
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> choices(FormField field) {
        Object values = field.getType().getInformation("values");
        return values instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
    }
}
