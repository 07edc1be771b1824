package org.ipc.workflow;

import java.util.Date;

import org.camunda.bpm.engine.impl.form.type.AbstractFormFieldType;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Form field type {@code datetime}: a moment such as an appointment, entered in the hospital's local time and kept
 * as a date-time process value. (Camunda's own {@code date} type has no time of day.) The inbox checks and converts
 * the submitted text before the engine sees it; this type only lets the models declare such fields.
 */
public class DateTimeFormType extends AbstractFormFieldType {

    public static final String NAME = "datetime";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public TypedValue convertToFormValue(TypedValue modelValue) {
        return modelValue;
    }

    @Override
    public TypedValue convertToModelValue(TypedValue propertyValue) {
        Object value = propertyValue.getValue();
        if (value == null || value instanceof Date) {
            return Variables.dateValue((Date) value, propertyValue.isTransient());
        }
        throw new IllegalArgumentException("a datetime form value must be a date, not " + value.getClass());
    }

    @Override
    @Deprecated
    public Object convertFormValueToModelValue(Object propertyValue) {
        return propertyValue;
    }

    @Override
    @Deprecated
    public String convertModelValueToFormValue(Object modelValue) {
        return modelValue == null ? null : ((Date) modelValue).toInstant().toString();
    }
}
