package vn.dossierpost.service;

import java.util.List;
import java.util.Map;
import vn.dossierpost.api.FieldProblem;

/**
 * A request the service will not carry out, with what the caller can do about it: the HTTP status it
 * maps to, the offending field's path and, for validation, every problem found at once (a clerk
 * fixes a dossier in one go, not one field per round trip).
 */
public final class Problem extends RuntimeException {
    private final int status;
    private final String field;
    private final List<FieldProblem> problems;
    private final Map<String, Object> details;

    private Problem(
            int status, String message, String field, List<FieldProblem> problems, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.field = field;
        this.problems = List.copyOf(problems);
        this.details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static Problem invalid(String field, String message) {
        return new Problem(422, field + ": " + message, field, List.of(new FieldProblem(field, message)), null);
    }

    public static Problem invalid(List<FieldProblem> problems) {
        FieldProblem first = problems.get(0);
        String message = problems.size() == 1
                ? first.field() + ": " + first.message()
                : problems.size() + " problems; first " + first.field() + ": " + first.message();
        return new Problem(422, message, first.field(), problems, null);
    }

    public static Problem notFound(String message) {
        return new Problem(404, message, null, List.of(), null);
    }

    /** 401: a request that does not prove who sent it (a missing or wrong signature). */
    public static Problem unauthenticated(String message) {
        return new Problem(401, message, null, List.of(), null);
    }

    public static Problem forbidden(String message) {
        return new Problem(403, message, null, List.of(), null);
    }

    public static Problem conflict(String message, Map<String, Object> details) {
        return new Problem(409, message, null, List.of(), details);
    }

    /** 400: a request body that cannot be read at all (not a value that is wrong: that is 422). */
    public static Problem malformed(String field, String message) {
        return new Problem(400, field + ": " + message, field, List.of(new FieldProblem(field, message)), null);
    }

    /** 413: over a size limit; {@code field} names the file or the request. */
    public static Problem tooLarge(String field, String message, Map<String, Object> details) {
        return new Problem(413, field + ": " + message, field, List.of(new FieldProblem(field, message)), details);
    }

    /** 415: content of a kind the service does not take. */
    public static Problem unsupportedType(String field, String message) {
        return new Problem(415, field + ": " + message, field, List.of(new FieldProblem(field, message)), null);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    public Map<String, Object> details() {
        return details;
    }
}
