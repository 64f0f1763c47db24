package vn.dossierpost.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.dossierpost.support.TestApp.json;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Response;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.ProjectionParity;
import vn.dossierpost.support.TestApp;

/** Transitions through the one table, the append-only timeline, and the slip of a stored dossier. */
@ExtendWith(DropwizardExtensionsSupport.class)
class DossierLifecycleTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();

    /** Every dossier left by these tests answers public tracking as its timeline would. */
    @AfterAll
    static void trackingAsTheTimeline() {
        ProjectionParity.check(APP);
    }

    @BeforeAll
    static void users() {
        APP.addUser("clerk", Role.COUNTER, Dossiers.OFFICE, null);
    }

    private static Map<String, Object> takeIn() {
        Response res = APP.post("clerk", "/api/dossiers", Dossiers.judicialRecord());
        assertThat(res.getStatus()).isEqualTo(201);
        return json(res);
    }

    @Test
    void withdrawalIsRecordedAndASecondOneIs409NamingTheAllowedNextStatuses() {
        String code = (String) takeIn().get("code");
        Response first =
                APP.post("clerk", "/api/dossiers/" + code + "/withdraw", Map.of("reason", "Công dân xin rút hồ sơ"));
        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(json(first).get("status")).isEqualTo("WITHDRAWN");

        Response second = APP.post("clerk", "/api/dossiers/" + code + "/withdraw", Map.of("reason", "lần nữa"));
        assertThat(second.getStatus()).isEqualTo(409);
        Map<String, Object> err = json(second);
        Map<?, ?> details = (Map<?, ?>) err.get("details");
        assertThat(details.get("currentStatus")).isEqualTo("WITHDRAWN");
        assertThat((List<?>) details.get("allowedNext")).isEmpty();
        assertThat((String) err.get("message")).contains("WITHDRAWN");

        List<Map<String, Object>> events =
                APP.as("clerk", "/api/dossiers/" + code + "/events").get(new GenericType<>() {});
        assertThat(events).extracting(e -> e.get("toStatus")).containsExactly("RECEIVED", "WITHDRAWN");
        assertThat(events.get(1).get("fromStatus")).isEqualTo("RECEIVED");
        assertThat(events.get(1).get("note")).isEqualTo("Công dân xin rút hồ sơ");
    }

    @Test
    void withdrawalNeedsAReason() {
        String code = (String) takeIn().get("code");
        Response res = APP.post("clerk", "/api/dossiers/" + code + "/withdraw", Map.of());
        assertThat(res.getStatus()).isEqualTo(422);
        assertThat(json(res).get("field")).isEqualTo("reason");
        assertThat(APP.as("clerk", "/api/dossiers/" + code).get(Map.class).get("status"))
                .isEqualTo("RECEIVED");
    }

    @Test
    void theTimelineCannotBeRewritten() {
        String code = (String) takeIn().get("code");
        assertThatThrownBy(() -> APP.jdbi()
                        .useHandle(h -> h.execute(
                                "UPDATE dossier_event SET to_status = 'DELIVERED' WHERE dossier_id = (SELECT id FROM dossier WHERE code = ?)",
                                code)))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> APP.jdbi()
                        .useHandle(h -> h.execute(
                                "DELETE FROM dossier_event WHERE dossier_id = (SELECT id FROM dossier WHERE code = ?)",
                                code)))
                .hasMessageContaining("append-only");
    }

    @Test
    void unknownDossierIs404() {
        Response res =
                APP.as("clerk", "/api/dossiers/000.00.15.H26-200101-0001").get();
        assertThat(res.getStatus()).isEqualTo(404);
        assertThat((String) json(res).get("message")).contains("000.00.15.H26-200101-0001");
    }

    @Test
    void slipIsAPdfWithTheDossierInVietnamese() throws Exception {
        Map<String, Object> d = takeIn();
        Response res =
                APP.as("clerk", "/api/dossiers/" + d.get("code") + "/slip.pdf").get();
        assertThat(res.getStatus()).isEqualTo(200);
        assertThat(res.getMediaType().toString()).isEqualTo("application/pdf");
        byte[] pdf = res.readEntity(byte[].class);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFC);
            assertThat(text)
                    .contains(
                            (String) d.get("code"),
                            (String) d.get("s10Number"),
                            Dossiers.NAME,
                            "Cấp Phiếu lý lịch tư pháp",
                            "Sở Tư pháp")
                    .as("a clerk without a full name: the signature line is left blank, no login name")
                    .doesNotContainPattern("(?m)^clerk$");
        }
        APP.jdbi()
                .useHandle(h -> h.execute("UPDATE app_user SET full_name = 'Nguyễn Thị Lan' WHERE username = 'clerk'"));
        try (PDDocument doc = Loader.loadPDF(APP.as("clerk", "/api/dossiers/" + d.get("code") + "/slip.pdf")
                .get()
                .readEntity(byte[].class))) {
            assertThat(Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFC))
                    .contains("Nguyễn Thị Lan");
        } finally {
            APP.jdbi().useHandle(h -> h.execute("UPDATE app_user SET full_name = NULL WHERE username = 'clerk'"));
        }
    }

    @Test
    void listsTheOfficesDossiersNewestFirstInPages() {
        String a = (String) takeIn().get("code");
        String b = (String) takeIn().get("code");
        Map<String, Object> page =
                json(APP.as("clerk", "/api/dossiers?status=RECEIVED&limit=1").get());
        List<?> items = (List<?>) page.get("items");
        assertThat(items)
                .singleElement()
                .satisfies(i -> assertThat(((Map<?, ?>) i).get("code")).isEqualTo(b));
        Map<String, Object> next =
                json(APP.as("clerk", "/api/dossiers?status=RECEIVED&limit=1&before=" + page.get("next"))
                        .get());
        assertThat((List<?>) next.get("items"))
                .singleElement()
                .satisfies(i -> assertThat(((Map<?, ?>) i).get("code")).isEqualTo(a));
        Response bad = APP.as("clerk", "/api/dossiers?status=LOST").get();
        assertThat(bad.getStatus()).isEqualTo(422);
        assertThat(json(bad).get("field")).isEqualTo("status");
    }
}
