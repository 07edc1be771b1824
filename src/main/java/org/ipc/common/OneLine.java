package org.ipc.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * One line of text ({@link PlainText#isOneLine}): names, references, addresses, subjects. The same check and the
 * same words whichever door the value came through: the JSON API, a page's form, or a door added later that
 * validates the same records.
 */
@Documented
@Constraint(validatedBy = OneLine.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface OneLine {

    String message() default PlainText.NOT_ONE_LINE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Null is left to {@code @NotNull} and friends. */
    class Check implements ConstraintValidator<OneLine, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || PlainText.isOneLine(value);
        }
    }
}
