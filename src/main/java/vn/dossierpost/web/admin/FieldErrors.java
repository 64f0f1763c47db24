package vn.dossierpost.web.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.dossierpost.api.FieldProblem;

/** A 422's problems by field, for a form that shows each beside its input. */
final class FieldErrors {
    private FieldErrors() {}

    static Map<String, List<String>> of(List<FieldProblem> problems) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (FieldProblem p : problems) {
            byField.computeIfAbsent(p.field(), f -> new ArrayList<>()).add(p.message());
        }
        return byField;
    }
}
