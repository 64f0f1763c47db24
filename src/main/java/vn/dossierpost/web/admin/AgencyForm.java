package vn.dossierpost.web.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.dossierpost.api.AgencyRequest;
import vn.dossierpost.api.FieldProblem;

/**
 * The agency form as sent: an empty field keeps the saved value (so the secret and the SFTP password,
 * never shown back, are changed only by typing a new one). The channel must be chosen: a form without
 * it was not sent from the page.
 */
record AgencyForm(Map<String, String> values, List<FieldProblem> problems) {

    static AgencyForm of(Map<String, List<String>> sent) {
        Map<String, String> values = new java.util.HashMap<>();
        sent.forEach((k, v) -> {
            if (!v.isEmpty() && !v.get(0).isBlank() && !k.equals("_csrf")) {
                values.put(k, v.get(0).strip());
            }
        });
        List<FieldProblem> problems = new ArrayList<>();
        if (!values.containsKey("channel")) {
            problems.add(new FieldProblem("channel", "chọn HTTP, FILE_DROP hoặc SFTP"));
        }
        return new AgencyForm(values, problems);
    }

    AgencyRequest toRequest() {
        return new AgencyRequest(
                null,
                values.get("name"),
                null,
                null,
                null,
                null,
                null,
                values.get("channel"),
                values.get("baseUrl"),
                values.get("inboxDir"),
                values.get("outboxDir"),
                values.get("secret"),
                number("batchWindowMs"),
                number("batchSize"),
                values.get("sftpHost"),
                number("sftpPort"),
                values.get("sftpUsername"),
                values.get("sftpPassword"),
                values.containsKey("active") ? Boolean.valueOf(values.get("active")) : null);
    }

    /** A whole number, or null; one that is not is a problem of the form. */
    private Integer number(String field) {
        String v = values.get(field);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "phải là một số nguyên"));
            return null;
        }
    }
}
