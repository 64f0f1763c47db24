package vn.dossierpost.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** What a supervisor sees and does at /api/given-up: the list of things given up, and acknowledging one. */
public final class GivenUp {
    private GivenUp() {}

    /** The given-up items not yet acknowledged (all of them with {@code all}), newest first. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> listed(TestApp app, String supervisor, boolean all) {
        try (Response list =
                app.as(supervisor, "/api/given-up" + (all ? "?all=true" : "")).get()) {
            assertThat(list.getStatus()).isEqualTo(200);
            return (List<Map<String, Object>>) TestApp.json(list).get("items");
        }
    }

    /** The one item of {@code kind} about {@code about} (e.g. "handover BG…", "notice to 000.00.15.H26"). */
    public static Map<String, Object> item(TestApp app, String supervisor, String kind, String about) {
        List<Map<String, Object>> matching = listed(app, supervisor, false).stream()
                .filter(i -> kind.equals(i.get("kind")) && about.equals(i.get("about")))
                .toList();
        assertThat(matching).as("%s %s given up and listed", kind, about).hasSize(1);
        return matching.get(0);
    }

    public static void acknowledge(TestApp app, String supervisor, Map<?, ?> item) {
        try (Response ack = app.as(
                        supervisor, "/api/given-up/" + item.get("kind") + "/" + item.get("id") + "/acknowledged")
                .post(Entity.json("{}"))) {
            assertThat(ack.getStatus()).isEqualTo(200);
            assertThat(TestApp.json(ack).get("acknowledgedBy")).isEqualTo(supervisor);
        }
    }
}
