package vn.dossierpost.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dossierpost.support.TestApp.json;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.TestApp;

@ExtendWith(DropwizardExtensionsSupport.class)
class TrackingResourceTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static Map<String, Object> dossier;

    @BeforeAll
    static void setUp() {
        APP.addUser("clerk", Role.COUNTER, Dossiers.OFFICE, null);
        Response res = APP.post("clerk", "/api/dossiers", Dossiers.judicialRecord());
        assertThat(res.getStatus()).isEqualTo(201);
        dossier = json(res);
    }

    private static Response track(String reference) {
        return EXT.client().target(APP.url("/api/track/" + reference)).request().get();
    }

    @Test
    void tracksByS10NumberAndByCodeWithoutPersonalData() {
        for (String ref : List.of((String) dossier.get("s10Number"), (String) dossier.get("code"))) {
            Response res = track(ref);
            assertThat(res.getStatus()).isEqualTo(200);
            String body = res.readEntity(String.class);
            assertThat(body)
                    .doesNotContain(
                            Dossiers.CITIZEN_ID,
                            Dossiers.PHONE,
                            "nhung.nguyen@example.vn",
                            Dossiers.STREET,
                            Dossiers.NAME,
                            "Hồng Nhung",
                            "clerk");
            Map<?, ?> view = EXT.getObjectMapper().convertValue(parse(body), Map.class);
            assertThat(view.get("applicant")).isEqualTo("N***** T** H*** N****");
            assertThat(view.get("status")).isEqualTo("RECEIVED");
            assertThat(view.get("statusLabelVi")).isNotNull();
            assertThat((List<?>) view.get("events")).singleElement().satisfies(e -> {
                Map<?, ?> step = (Map<?, ?>) e;
                assertThat(step.get("upuEventCode")).isEqualTo("EMA");
                assertThat(step.get("labelEn")).isNotNull();
                assertThat((String) step.get("place")).contains("Bưu cục");
            });
        }
    }

    @Test
    void unknownReferencesAre404() {
        assertThat(TestApp.status(track("EH000000000VN"))).isEqualTo(404); // not even a valid check digit
        assertThat(TestApp.status(track("EH473124829VN"))).isEqualTo(404); // valid S10, never issued
        assertThat(TestApp.status(track("000.00.15.H26-200101-0001"))).isEqualTo(404);
        assertThat(TestApp.status(track("hello"))).isEqualTo(404);
    }

    private static Object parse(String body) {
        try {
            return EXT.getObjectMapper().readValue(body, Map.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
