package vn.dossierpost.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * Dossiers whose result waits at the agency for the post to collect it, made without the scans and
 * the handover: taken in over the API, marked delivered to the agency with the handover rows the
 * agency's event looks for, then the agency's answer through its own endpoint: RESULT_READY (which
 * makes the pickup task of the office serving the agency) or REFUSED.
 */
public final class Results {
    private Results() {}

    /** The code of a dossier (from {@code body}, taken in by {@code clerk}) with its result ready at the agency. */
    public static String ready(
            TestApp app, String clerk, String agencyToken, Map<String, Object> body, String reference) {
        return answered(app, clerk, agencyToken, body, Map.of("type", "RESULT_READY", "resultReference", reference));
    }

    /** The code of a dossier the agency refused, with {@code reason}. */
    public static String refused(
            TestApp app, String clerk, String agencyToken, Map<String, Object> body, String reason) {
        return answered(app, clerk, agencyToken, body, Map.of("type", "REFUSED", "reason", reason));
    }

    private static String answered(
            TestApp app, String clerk, String agencyToken, Map<String, Object> body, Map<String, Object> answer) {
        String code;
        try (Response taken = app.post(clerk, "/api/dossiers", body)) {
            assertThat(taken.getStatus()).isEqualTo(201);
            code = (String) TestApp.json(taken).get("code");
        }
        app.jdbi().useHandle(h -> {
            h.execute("UPDATE dossier SET status = 'DELIVERED_TO_AGENCY' WHERE code = ?", code);
            h.execute(
                    "INSERT INTO handover (no, agency_code, channel, state, created_at) VALUES (?, ?, 'HTTP', 'DELIVERED', now())",
                    "BG-" + code,
                    Dossiers.AGENCY);
            h.execute(
                    "INSERT INTO handover_item (handover_id, dossier_id, position, state, components, files, bytes, "
                            + "complete, manifest) SELECT h.id, d.id, 1, 'DELIVERED', 2, 2, 1, true, '{}' "
                            + "FROM handover h, dossier d WHERE h.no = ? AND d.code = ?",
                    "BG-" + code,
                    code);
        });
        Map<String, Object> event = new java.util.HashMap<>(answer);
        event.put("eventId", "kq-" + code);
        event.put("dossierCode", code);
        try (Response sent = app.extension()
                .client()
                .target(app.url("/api/agency/events"))
                .request()
                .header("Authorization", "Bearer " + agencyToken)
                .post(Entity.entity(event, MediaType.APPLICATION_JSON_TYPE))) {
            assertThat(sent.getStatus()).as(sent.readEntity(String.class)).isEqualTo(200);
        }
        return code;
    }
}
