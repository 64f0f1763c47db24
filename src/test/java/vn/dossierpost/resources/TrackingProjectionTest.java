package vn.dossierpost.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.agencysim.AgencySimulator;
import vn.dossierpost.db.DossierTrackingDAO;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.NameMasker;
import vn.dossierpost.domain.RetentionRule;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.TimelineEvent;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.Handovers;
import vn.dossierpost.support.Multipart;
import vn.dossierpost.support.Patch;
import vn.dossierpost.support.ProjectionParity;
import vn.dossierpost.support.Scans;
import vn.dossierpost.support.TestApp;

/**
 * Public tracking from its projection (migration 027) on two service nodes sharing one database:
 * the answer equals the one built from the whole timeline at every step of a journey, a change shows
 * at once on the node that made it and on the other (NOTIFY drops their cached answers), and an
 * unchanged answer is 304 against its ETag.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class TrackingProjectionTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static final TestApp OTHER = TestApp.sharingDatabaseWith(APP);
    static final DropwizardAppExtension<DossierpostConfiguration> OTHER_EXT = OTHER.extension();
    static final String CLERK = "clerk";
    /** The office serving the judicial records department: it collects the result. */
    static final String COLLECTOR = "clerk.hadong";

    static AgencySimulator sim;
    static String agencyToken;

    @BeforeAll
    static void setUp() throws Exception {
        APP.addUser(CLERK, Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser(COLLECTOR, Role.COUNTER, "152000", null);
        APP.addUser("admin", Role.ADMIN, null, null);
        agencyToken = APP.addTokenUser("stp-hanoi", Role.AGENCY, null, Dossiers.AGENCY);
        sim = AgencySimulator.builder(Handovers.SECRET).start();
        Handovers.http(APP, "admin", Dossiers.AGENCY, sim.baseUrl());
    }

    @AfterAll
    static void tearDown() {
        sim.close();
    }

    @Test
    void theAnswerIsTheTimelinesThroughAJourney() {
        String code = takeIn();
        ProjectionParity.check(APP);
        HttpResponse<String> corrected =
                Patch.json(APP.url("/api/dossiers/" + code), Map.of("Authorization", TestApp.basic(CLERK)), """
                {"reason": "Công dân báo sai chính tả tên", "applicant": {"fullName": "Nguyễn Thị Hồng Nhung Anh"}}
                """);
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        awaitTracked(APP, code, "applicant", "N***** T** H*** N**** A**");
        ProjectionParity.check(APP);

        for (String component : List.of("TO_KHAI", "GIAY_TO_TUY_THAN")) {
            assertThat(TestApp.status(APP.upload(
                            CLERK,
                            code,
                            component,
                            Multipart.file(component + ".pdf", "application/pdf", Scans.pdf(1)))))
                    .isEqualTo(201);
        }
        Handovers.awaitStatus(APP, code, "DELIVERED_TO_AGENCY");
        ProjectionParity.check(APP);
        agencyEvent("xl-" + code, code, "IN_PROCESSING", Map.of());
        String later = LocalDate.now().plusDays(40).toString();
        agencyEvent("hl-" + code, code, "DELAYED", Map.of("reason", "Cần xác minh thêm", "newAppointmentDate", later));
        awaitTracked(APP, code, "resultAppointment", later);
        ProjectionParity.check(APP);
        agencyEvent("kq-" + code, code, "RESULT_READY", Map.of("resultReference", "LLTP-2026/0004321"));
        Map<String, Object> item = TestApp.json(APP.post(
                COLLECTOR,
                "/api/dossiers/" + code + "/collection",
                Map.of(
                        "agencyOfficer",
                        "Trần Văn Bình",
                        "items",
                        List.of(Map.of("name", "Phiếu lý lịch tư pháp số 1", "kind", "RESULT", "copies", 1)))));
        String returnS10 = (String) item.get("s10Number");
        assertThat(returnS10).as("%s", item).isNotNull();
        assertThat(tracked(APP, returnS10).get("code")).isEqualTo(code);
        ProjectionParity.check(APP);

        String withdrawn = takeIn();
        assertThat(TestApp.status(
                        APP.post(CLERK, "/api/dossiers/" + withdrawn + "/withdraw", Map.of("reason", "Rút hồ sơ"))))
                .isEqualTo(200);
        ProjectionParity.check(APP);
    }

    @Test
    void aChangeShowsAtOnceOnBothNodes() {
        String code = takeIn();
        assertThat(tracked(APP, code).get("status")).isEqualTo("RECEIVED");
        assertThat(tracked(OTHER, code).get("status")).isEqualTo("RECEIVED");
        assertThat(TestApp.status(APP.post(
                        CLERK, "/api/dossiers/" + code + "/withdraw", Map.of("reason", "Người dân rút hồ sơ"))))
                .isEqualTo(200);
        awaitTracked(APP, code, "status", "WITHDRAWN");
        awaitTracked(OTHER, code, "status", "WITHDRAWN");
    }

    @Test
    void anUnchangedAnswerIs304AgainstItsEtag() {
        String code = takeIn();
        String etag;
        try (Response first = track(APP, code, null)) {
            assertThat(first.getStatus()).isEqualTo(200);
            etag = first.getHeaderString("ETag");
            assertThat(etag).startsWith("\"");
            assertThat(first.getHeaderString("Cache-Control")).isEqualTo("no-cache");
        }
        try (Response again = track(APP, code, etag)) {
            assertThat(again.getStatus()).isEqualTo(304);
            assertThat(again.getHeaderString("ETag")).isEqualTo(etag);
            assertThat(again.readEntity(String.class)).isEmpty();
        }
        try (Response otherNode = track(OTHER, code, etag)) {
            assertThat(otherNode.getStatus())
                    .as("the same answer has the same tag on every node")
                    .isEqualTo(304);
        }
        assertThat(TestApp.status(APP.post(CLERK, "/api/dossiers/" + code + "/withdraw", Map.of("reason", "Rút"))))
                .isEqualTo(200);
        Handovers.await(
                () -> {
                    try (Response changed = track(OTHER, code, etag)) {
                        return changed.getStatus() == 200 && !etag.equals(changed.getHeaderString("ETag"));
                    }
                },
                Duration.ofSeconds(5),
                () -> "a new answer with a new ETag after the withdrawal");
        assertThat(TestApp.status(track(APP, "EH473124829VN", etag))).isEqualTo(404);
    }

    @Test
    void rebuildingEveryRowChangesNothing() {
        takeIn();
        Jdbi jdbi = APP.jdbi();
        String before = snapshot(jdbi);
        assertThat(jdbi.withExtension(DossierTrackingDAO.class, DossierTrackingDAO::rebuildAll))
                .isEqualTo(jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM dossier")
                        .mapTo(Long.class)
                        .one()));
        assertThat(snapshot(jdbi)).isEqualTo(before);
    }

    @Test
    void theMaskAndThePublicEntriesAreTheDomainsRules() {
        Jdbi jdbi = APP.jdbi();
        List<String> names = List.of(
                "Nguyễn Văn An",
                "Đặng Thị Ánh",
                java.text.Normalizer.normalize("Nguyễn Văn An", java.text.Normalizer.Form.NFD),
                "Lò Văn A",
                "  Trần\t Thị \u00A0 B ",
                "   ",
                "",
                "Ma\u0300\u0301 X",
                "a\u0300\u0301bc\u0300 d",
                "Hoàng\u2003Thị\u3000Thu",
                "Nguyễn Thị Hồng Nhung Anh",
                RetentionRule.TOMBSTONE);
        for (String name : names) {
            String masked = jdbi.withHandle(h -> h.createQuery("SELECT tracking_masked_name(:n)")
                    .bind("n", name)
                    .mapTo(String.class)
                    .one());
            assertThat(masked).as("masked in SQL: [%s]", name).isEqualTo(NameMasker.mask(name));
        }
        for (TimelineEvent t : TimelineEvent.values()) {
            assertThat(publicEntry(jdbi, t.name(), null)).as("%s public", t).isEqualTo(t.isPublic());
        }
        for (DossierStatus s : DossierStatus.values()) {
            assertThat(publicEntry(jdbi, s.name(), s.name())).as("%s public", s).isTrue();
        }
    }

    private static boolean publicEntry(Jdbi jdbi, String type, String toStatus) {
        return jdbi.withHandle(h -> h.createQuery("SELECT tracking_public_event(:type, :to)")
                .bind("type", type)
                .bind("to", toStatus)
                .mapTo(Boolean.class)
                .one());
    }

    private static String snapshot(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT coalesce(string_agg(t::text, E'\\n' ORDER BY dossier_id), '') FROM dossier_tracking t")
                .mapTo(String.class)
                .one());
    }

    private static String takeIn() {
        return (String) TestApp.json(APP.post(CLERK, "/api/dossiers", Dossiers.judicialRecord()))
                .get("code");
    }

    private static Response track(TestApp node, String ref, String ifNoneMatch) {
        var request =
                node.extension().client().target(node.url("/api/track/" + ref)).request();
        if (ifNoneMatch != null) {
            request = request.header("If-None-Match", ifNoneMatch);
        }
        return request.get();
    }

    private static Map<String, Object> tracked(TestApp node, String ref) {
        try (Response res = track(node, ref, null)) {
            assertThat(res.getStatus()).as("tracking %s", ref).isEqualTo(200);
            return TestApp.json(res);
        }
    }

    /**
     * The field as the node answers it, within a moment: NOTIFY reaches the nodes on commit, a few
     * milliseconds after the change's own answer may have left.
     */
    private static void awaitTracked(TestApp node, String ref, String field, Object expected) {
        Handovers.await(
                () -> expected.equals(tracked(node, ref).get(field)),
                Duration.ofSeconds(2),
                () -> field + " of " + ref + " becomes " + expected + ": "
                        + tracked(node, ref).get(field));
    }

    private static void agencyEvent(String id, String code, String type, Map<String, Object> more) {
        Map<String, Object> e = new HashMap<>(more);
        e.put("eventId", id);
        e.put("dossierCode", code);
        e.put("type", type);
        try (Response r = EXT.client()
                .target(APP.url("/api/agency/events"))
                .request()
                .header("Authorization", "Bearer " + agencyToken)
                .post(Entity.entity(e, MediaType.APPLICATION_JSON_TYPE))) {
            assertThat(r.getStatus()).as(r.readEntity(String.class)).isEqualTo(200);
        }
    }
}
