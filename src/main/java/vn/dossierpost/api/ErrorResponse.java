package vn.dossierpost.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** Every error the API answers: a message a clerk can act on and the offending field's path. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorResponse(
        int code, String message, String field, List<FieldProblem> errors, Map<String, Object> details) {
    public static ErrorResponse of(int code, String message) {
        return new ErrorResponse(code, message, null, List.of(), Map.of());
    }
}
