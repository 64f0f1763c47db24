package vn.dossierpost.api;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A 5-digit commune code (Decision 19/2025/QĐ-TTg), blanks around it allowed, blank or null passing
 * (add {@code @NotBlank} where it is required). The answer quotes what was sent, when that is short
 * enough to quote.
 */
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
@Constraint(validatedBy = CommuneCode.Check.class)
public @interface CommuneCode {
    String message() default "must be a 5-digit commune code";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<CommuneCode, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            String code = value == null ? "" : value.toString().strip();
            if (code.isEmpty() || (code.length() == 5 && code.chars().allMatch(c -> c >= '0' && c <= '9'))) {
                return true;
            }
            if (value.length() <= 40 && Line.Check.isOneLine(value)) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(
                                context.getDefaultConstraintMessageTemplate() + ", got '" + escape(code) + "'")
                        .addConstraintViolation();
            }
            return false;
        }

        /** What was sent is quoted, not read as a message template. */
        private static String escape(String s) {
            return s.replace("\\", "\\\\")
                    .replace("{", "\\{")
                    .replace("}", "\\}")
                    .replace("$", "\\$");
        }
    }
}
