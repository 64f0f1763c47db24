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
 * An e-mail address as a clerk types it ({@code name@example.vn}, blanks around it allowed; blank
 * or null means none): one {@code @}, something before it, and a dot inside the part after it.
 * Checked in one pass after the length, never by a backtracking pattern, so a megabyte of text
 * costs no more than reading it.
 */
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
@Constraint(validatedBy = EmailAddress.Check.class)
public @interface EmailAddress {
    int max();

    String message() default "must be an e-mail address like name@example.vn";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<EmailAddress, CharSequence> {
        private int max;

        @Override
        public void initialize(EmailAddress email) {
            max = email.max();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null
                    || (value.length() <= max && isAddress(value.toString().strip()));
        }

        static boolean isAddress(String s) {
            if (s.isEmpty()) {
                return true;
            }
            int at = s.indexOf('@');
            if (at < 1 || s.indexOf('@', at + 1) >= 0) {
                return false;
            }
            for (int i = 0; i < s.length(); i++) {
                if (Character.isWhitespace(s.charAt(i))) {
                    return false;
                }
            }
            int dot = s.indexOf('.', at + 2);
            return dot > at + 1 && dot < s.length() - 1;
        }
    }
}
