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
 * A line a person types: at most {@code max} characters, and no control characters but around it
 * (those are trimmed off). The length is checked first and the characters only then, in one pass:
 * Bean Validation runs a field's constraints in no set order, so a {@code @Size} beside a
 * {@code @Pattern} would not keep a megabyte of text away from the pattern. Null passes.
 */
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
@Constraint(validatedBy = Line.Check.class)
public @interface Line {
    int max();

    /** Line breaks and tabs allowed inside (a reason written on several lines); other control characters never. */
    boolean multiline() default false;

    String message() default "must not contain control characters";

    String tooLong() default "is too long: at most {max} characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<Line, CharSequence> {
        private int max;
        private boolean multiline;
        private String tooLong;

        @Override
        public void initialize(Line line) {
            max = line.max();
            multiline = line.multiline();
            tooLong = line.tooLong();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (value.length() > max) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(tooLong).addConstraintViolation();
                return false;
            }
            return multiline ? isText(value) : isOneLine(value);
        }

        /** No control character but line breaks and tabs. */
        static boolean isText(CharSequence value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if ((c < ' ' && c != '\n' && c != '\r' && c != '\t') || c == 0x7F) {
                    return false;
                }
            }
            return true;
        }

        /**
         * No control character (below U+0020, or DEL) but blanks, tabs and line breaks around the
         * text, which are trimmed off; a NUL is refused wherever it is (PostgreSQL cannot store it).
         */
        static boolean isOneLine(CharSequence value) {
            int start = 0;
            int end = value.length();
            while (start < end && isBlank(value.charAt(start))) {
                start++;
            }
            while (end > start && isBlank(value.charAt(end - 1))) {
                end--;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                boolean inside = i >= start && i < end;
                if (c == 0x7F || (c < ' ' && (inside || !isBlank(c)))) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isBlank(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
        }
    }
}
