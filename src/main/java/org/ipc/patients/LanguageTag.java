package org.ipc.patients;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A well-formed BCP 47 language tag whose primary language is a known ISO 639 code ({@code pt}, {@code pt-BR},
 * {@code zh-Hant}, {@code ar}). Null is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = LanguageTag.Validator.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
public @interface LanguageTag {

    String message() default "must be a BCP 47 language tag, such as en, es, zh-Hant or ar";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<LanguageTag, String> {

        private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (value.length() > 35) {
                return false;
            }
            try {
                Locale locale = new Locale.Builder().setLanguageTag(value).build();
                return LANGUAGES.contains(locale.getLanguage());
            } catch (IllformedLocaleException e) {
                return false;
            }
        }
    }
}
