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
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * A word from a fixed set, as the request's text carries it: the names of an enum ({@code @OneOf(Channel.class)}),
 * or the words listed when the set has no enum of its own. The set is written once, so {@code {names}} in the
 * message lists it. Null passes: add {@code @NotNull} where the word is required.
 */
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
@Constraint(validatedBy = OneOf.Check.class)
public @interface OneOf {
    Class<? extends Enum<?>> value() default None.class;

    String[] words() default {};

    String message() default "must be one of {names}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** No enum: the words are listed. */
    enum None {}

    final class Check implements ConstraintValidator<OneOf, CharSequence> {
        private List<String> names;

        @Override
        public void initialize(OneOf oneOf) {
            names = Stream.concat(
                            Arrays.stream(oneOf.value().getEnumConstants()).map(Enum::name),
                            Arrays.stream(oneOf.words()))
                    .toList();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            if (value == null || names.contains(value.toString())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(
                            context.getDefaultConstraintMessageTemplate().replace("{names}", String.join(", ", names)))
                    .addConstraintViolation();
            return false;
        }
    }
}
