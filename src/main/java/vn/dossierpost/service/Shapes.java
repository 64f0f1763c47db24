package vn.dossierpost.service;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dossierpost.api.FieldProblem;

/**
 * The shape of a request (presence, length, ranges, words from a fixed set) is declared once, by the
 * Bean Validation annotations on its api record. Jersey checks a resource's {@code @Valid} body; this
 * checks the same annotations where Jersey is not in front (an agency's inbox file) or where a
 * service reports shape and catalogue problems in one answer (intake, agencies), so a clerk still
 * fixes everything in one go. A problem is named by its path as clients write it
 * ({@code applicant.citizenId}, {@code items[2].copies}; {@code body} for the request itself), and
 * problems come in the order the record declares its fields, so the first is the first on the form.
 */
public final class Shapes {
    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();
    private static final Pattern STEP = Pattern.compile("([^.\\[]*)((?:\\[[^\\]]*\\])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)\\]");

    private Shapes() {}

    /** The request when it has the right shape; otherwise 422 with every problem ({@code body} when there is none). */
    public static <T> T check(T request, String whatIsRequired) {
        if (request == null) {
            throw Problem.invalid("body", whatIsRequired);
        }
        List<FieldProblem> problems = problems(request);
        if (!problems.isEmpty()) {
            throw Problem.invalid(problems);
        }
        return request;
    }

    /** Every shape problem of a request, in declaration order; empty when it has the right shape. */
    public static List<FieldProblem> problems(Object request) {
        return problems(request, "");
    }

    /** The shape problems of a part of a request that is checked only in some cases, named under its path. */
    public static List<FieldProblem> problems(Object part, String path) {
        List<FieldProblem> problems = new ArrayList<>();
        VALIDATOR
                .validate(part)
                .forEach(v -> problems.add(new FieldProblem(field(v.getPropertyPath()), v.getMessage())));
        return inOrder(part.getClass(), byName(problems)).stream()
                .map(p -> new FieldProblem(
                        path.isEmpty() ? or(p.field(), "body") : p.field().isEmpty() ? path : path + "." + p.field(),
                        p.message()))
                .toList();
    }

    /**
     * The problems Jersey found in a resource method's parameters. Only the request body (a resource
     * method has one at most) carries constraints here, so a constraint on the parameter itself names {@code body}.
     */
    public static List<FieldProblem> problems(Set<? extends ConstraintViolation<?>> violations) {
        Class<?> type = Object.class;
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<?> v : violations) {
            for (Path.Node n : v.getPropertyPath()) {
                Object body = n.getKind() == ElementKind.PARAMETER
                        ? v.getExecutableParameters()[
                                n.as(Path.ParameterNode.class).getParameterIndex()]
                        : null;
                type = body != null ? body.getClass() : type;
            }
            problems.add(new FieldProblem(or(field(v.getPropertyPath()), "body"), v.getMessage()));
        }
        return inOrder(type, byName(problems));
    }

    /**
     * Problems sorted into the order {@code type} declares the fields they name (a field's own problems
     * keep their order), the same problem found twice listed once.
     */
    public static List<FieldProblem> inOrder(Class<?> type, List<FieldProblem> problems) {
        return problems.stream()
                .sorted((a, b) -> compare(position(type, a.field()), position(type, b.field())))
                .distinct()
                .toList();
    }

    /** Violations come as a set: in a fixed order before the stable sort by position. */
    private static List<FieldProblem> byName(List<FieldProblem> problems) {
        problems.sort(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message));
        return problems;
    }

    /** The path as clients write it: properties joined by dots, list positions in brackets. */
    private static String field(Path path) {
        StringBuilder b = new StringBuilder();
        for (Path.Node n : path) {
            switch (n.getKind()) {
                case METHOD, CONSTRUCTOR, PARAMETER, CROSS_PARAMETER, RETURN_VALUE -> {
                    continue;
                }
                default -> {}
            }
            if (n.isInIterable()) {
                b.append('[')
                        .append(n.getIndex() != null ? n.getIndex() : n.getKey())
                        .append(']');
            }
            if (n.getKind() == ElementKind.PROPERTY) {
                b.append(b.isEmpty() ? "" : ".").append(n.getName());
            }
        }
        return b.toString();
    }

    /**
     * Where a field sits in the request: for each step, the position of the record component it names
     * (unknown names after the known ones) followed by its list positions.
     */
    private static List<Integer> position(Class<?> root, String field) {
        List<Integer> key = new ArrayList<>();
        Type type = root;
        for (String step : field.split("\\.")) {
            Matcher m = STEP.matcher(step);
            if (!m.matches()) {
                key.add(Integer.MAX_VALUE);
                break;
            }
            RecordComponent[] components =
                    raw(type).isRecord() ? raw(type).getRecordComponents() : new RecordComponent[0];
            int i = 0;
            while (i < components.length && !components[i].getName().equals(m.group(1))) {
                i++;
            }
            key.add(i);
            type = i < components.length ? components[i].getGenericType() : Object.class;
            Matcher index = INDEX.matcher(m.group(2));
            while (index.find()) {
                key.add(Integer.parseInt(index.group(1)));
                type = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
            }
        }
        return key;
    }

    /** Earlier fields first; within a field its parts first, then the field as a whole (what is missing from a list). */
    private static int compare(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(b.size(), a.size());
    }

    private static Class<?> raw(Type type) {
        return type instanceof Class<?> c
                ? c
                : type instanceof ParameterizedType p ? raw(p.getRawType()) : Object.class;
    }

    private static String or(String field, String otherwise) {
        return field.isEmpty() ? otherwise : field;
    }
}
