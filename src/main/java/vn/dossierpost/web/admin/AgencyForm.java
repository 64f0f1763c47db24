package vn.dossierpost.web.admin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.dossierpost.api.AgencyRequest;
import vn.dossierpost.api.FieldProblem;

/**
 * The agency form as sent, read into the request the API takes. An empty field keeps the saved value
 * (so the secret and the SFTP password, never shown back, change only when a new one is typed). The
 * problems are those of the form itself: the channel not chosen (a form not sent from the page), a
 * number that is not one; the rest are the agency service's.
 */
record AgencyForm(Map<String, String> values, AgencyRequest request, List<FieldProblem> problems) {

    static AgencyForm of(Map<String, List<String>> sent) {
        Map<String, String> values = new HashMap<>();
        sent.forEach((k, v) -> {
            if (!v.isEmpty() && !v.get(0).isBlank() && !k.equals("_csrf")) {
                values.put(k, v.get(0).strip());
            }
        });
        List<FieldProblem> problems = new ArrayList<>();
        if (!values.containsKey("channel")) {
            problems.add(new FieldProblem("channel", "chọn HTTP, FILE_DROP hoặc SFTP"));
        }
        AgencyRequest request = new AgencyRequest(
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
                number(values, "batchWindowMs", problems),
                number(values, "batchSize", problems),
                values.get("sftpHost"),
                number(values, "sftpPort", problems),
                values.get("sftpUsername"),
                values.get("sftpPassword"),
                values.containsKey("active") ? Boolean.valueOf(values.get("active")) : null);
        return new AgencyForm(values, request, problems);
    }

    /** A whole number, or null; one that is not is a problem of the form. */
    private static Integer number(Map<String, String> values, String field, List<FieldProblem> problems) {
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
