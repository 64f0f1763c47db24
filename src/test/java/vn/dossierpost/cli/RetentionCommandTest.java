package vn.dossierpost.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.dossierpost.support.TestApp.json;
import static vn.dossierpost.support.TestApp.status;

import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostApplication;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.RetentionRule;
import vn.dossierpost.domain.Role;
import vn.dossierpost.service.retention.DailyPurge;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.Multipart;
import vn.dossierpost.support.ProjectionParity;
import vn.dossierpost.support.Scans;
import vn.dossierpost.support.StoreFiles;
import vn.dossierpost.support.TestApp;

/**
 * The {@code retention} command, run in-process with a clock five years ahead against the test
 * service's database and store: what is old enough goes, what is a day too young, open or held stays
 * exactly as it was, and a blob another dossier still uses stays on disk.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RetentionCommandTest {
    static final java.nio.file.Path DATA = TestApp.newDataDir();
    static final TestApp APP = new TestApp(ConfigOverride.config("dataDir", DATA.toString()));
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static final StoreFiles STORE = new StoreFiles(DATA);
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String T = RetentionRule.TOMBSTONE;

    /** Every dossier left by these tests answers public tracking as its timeline would. */
    @AfterAll
    static void trackingAsTheTimeline() {
        ProjectionParity.check(APP);
    }

    @BeforeAll
    static void users() {
        APP.addUser("clerk", Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser("admin", Role.ADMIN, null, null);
    }

    record Stored(String code, long id, String sha256) {}

    /** A dossier with one scan of {@code bytes}, withdrawn by the applicant: closed now. */
    static Stored closed(byte[] bytes) {
        String code = (String) json(APP.post("clerk", "/api/dossiers", Dossiers.judicialRecord()))
                .get("code");
        Response res = APP.upload("clerk", code, "TO_KHAI", Multipart.file("to-khai.png", "image/png", bytes));
        assertThat(res.getStatus()).isEqualTo(201);
        String sha = (String) ((Map<?, ?>) ((List<?>) json(res).get("files")).get(0)).get("sha256");
        assertThat(status(APP.post(
                        "clerk", "/api/dossiers/" + code + "/withdraw", Map.of("reason", "Người dân rút hồ sơ"))))
                .isEqualTo(200);
        return new Stored(code, id(code), sha);
    }

    static long id(String code) {
        return APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT id FROM dossier WHERE code = :c")
                        .bind("c", code)
                        .mapTo(Long.class)
                        .one());
    }

    /** Everything the purge could touch of one dossier, as text, to compare before and after. */
    static String snapshot(Stored d) {
        return APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT concat_ws(' | ',"
                                + " (SELECT to_jsonb(x)::text FROM dossier x WHERE x.id = :id),"
                                + " (SELECT jsonb_agg(f ORDER BY f.id)::text FROM dossier_file f WHERE f.dossier_id = :id),"
                                + " (SELECT jsonb_agg(n ORDER BY n.id)::text FROM notification n WHERE n.dossier_id = :id),"
                                + " (SELECT jsonb_agg(c ORDER BY c.id)::text FROM complaint c WHERE c.dossier_id = :id),"
                                + " (SELECT jsonb_agg(jsonb_build_array(e.note, e.payload) ORDER BY e.id)::text"
                                + " FROM dossier_event e WHERE e.dossier_id = :id),"
                                + " (SELECT jsonb_agg(i)::text FROM handover_item i WHERE i.dossier_id = :id),"
                                + " (SELECT jsonb_agg(o.payload ORDER BY o.id)::text FROM outbox o WHERE o.dossier_id = :id),"
                                + " (SELECT jsonb_agg(i ORDER BY i.id)::text FROM incident i WHERE i.dossier_id = :id),"
                                + " (SELECT count(*) FROM retention_purge p WHERE p.dossier_id = :id))")
                        .bind("id", d.id())
                        .mapTo(String.class)
                        .one());
    }

    static void complaint(Stored d, String state) {
        boolean answered = state.equals("ANSWERED");
        APP.jdbi()
                .useHandle(h -> h.createUpdate("INSERT INTO complaint (dossier_id, complainant, complainant_name,"
                                + " complainant_phone, office_code, channel, content, received_on, inter_province,"
                                + " answer_due, state, answer, closed_on, closed_by, received_by, created_at) VALUES"
                                + " (:id, 'APPLICANT', :name, :phone, :office, 'COUNTER', 'Chị Nhung phàn nàn', current_date,"
                                + " false, current_date + 7, :state, :answer, :closed, :closedBy, 'clerk', now())")
                        .bind("id", d.id())
                        .bind("name", Dossiers.NAME)
                        .bind("phone", Dossiers.PHONE)
                        .bind("office", Dossiers.OFFICE)
                        .bind("state", state)
                        .bind("answer", answered ? "Đã trả lời chị Nhung" : null)
                        .bind("closed", answered ? java.time.LocalDate.now() : null)
                        .bind("closedBy", answered ? "clerk" : null)
                        .execute());
    }

    /**
     * What else names the applicant: a correction on the timeline (old and new phone), an agency's
     * refusal reason, the manifest of a handover, a notice's details to the agency, a paid incident.
     */
    static void everythingTheRecordsSayAbout(Stored d) {
        APP.jdbi().useTransaction(h -> {
            Map<String, Object> at = Map.of("id", d.id(), "name", Dossiers.NAME, "phone", Dossiers.PHONE);
            h.createUpdate(
                            "INSERT INTO dossier_event (dossier_id, type, at, actor, note, payload) VALUES"
                                    + " (:id, 'CORRECTED', now(), 'clerk', 'Chị ' || :name || ' báo sai số',"
                                    + " jsonb_build_object('changes', jsonb_build_array(jsonb_build_object("
                                    + "'field', 'applicant.phone', 'old', :phone, 'new', '0987000111')))),"
                                    + " (:id, 'AGENCY_REFUSED', now(), 'agency', NULL, jsonb_build_object('eventId', 'E-1',"
                                    + " 'type', 'REFUSED', 'reason', 'Bà ' || :name || ' đã có phiếu', 'missingItems', jsonb_build_array(:phone)))")
                    .bindMap(at)
                    .execute();
            long handover = h.createQuery(
                            "INSERT INTO handover (no, agency_code, channel, state, created_at)"
                                    + " SELECT 'BG-RET-' || :id, code, 'HTTP', 'DELIVERED', now() FROM agency LIMIT 1 RETURNING id")
                    .bindMap(at)
                    .mapTo(Long.class)
                    .one();
            h.createUpdate(
                            "INSERT INTO handover_item (handover_id, dossier_id, position, state, components, files,"
                                    + " bytes, complete, manifest) VALUES (:h, :id, 1, 'DELIVERED', 1, 1, 10, true,"
                                    + " jsonb_build_object('applicant', jsonb_build_object('fullName', :name, 'phone', :phone))::text)")
                    .bindMap(at)
                    .bind("h", handover)
                    .execute();
            h.createUpdate("INSERT INTO outbox (kind, dossier_id, payload, created_at, available_at, done_at) VALUES"
                            + " ('AGENCY_NOTICE', :id, jsonb_build_object('eventId', 'N-1', 'type', 'RETURNED',"
                            + " 'recipient', :name), now(), now(), now())")
                    .bindMap(at)
                    .execute();
            h.createUpdate("INSERT INTO incident (dossier_id, leg, kind, found_by, found_where, found_on, office_code,"
                            + " description, investigation, postage, reissue_costs, compensation, pay_by, paid_at,"
                            + " paid_by, recorded_by, created_at) VALUES (:id, 'RETURN', 'DAMAGED', 'clerk', 'kho',"
                            + " current_date, :office, 'Phong bì của ' || :name || ' bị ướt', 'Gọi ' || :phone, 0, 0, 0,"
                            + " current_date + 30, now(), 'giamsat', 'clerk', now())")
                    .bindMap(at)
                    .bind("office", Dossiers.OFFICE)
                    .execute();
        });
    }

    /** Runs the command at {@code clock}; returns what it printed. */
    static String retention(Clock clock, boolean dryRun) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RetentionCommand command = new RetentionCommand(new PrintStream(out, true, StandardCharsets.UTF_8), clock);
        command.run(
                new Bootstrap<>(new DossierpostApplication()),
                new Namespace(Map.of("dryRun", dryRun)),
                EXT.getConfiguration());
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void purgesWhatWasClosedLongerThanFiveYearsAgoAndNothingElse() throws Exception {
        Stored old = closed(Scans.png(301));
        Stored shared = closed(Scans.png(302));
        Stored complained = closed(Scans.png(303));
        Stored held = closed(Scans.png(304));
        Stored lost = closed(Scans.png(306));
        Stored young = closed(Scans.png(302)); // the same bytes as `shared`: one blob for both
        String open = (String) json(APP.post("clerk", "/api/dossiers", Dossiers.judicialRecord()))
                .get("code");
        complaint(old, "ANSWERED");
        everythingTheRecordsSayAbout(old);
        complaint(complained, "INVESTIGATING");
        APP.jdbi()
                .useHandle(h -> h.createUpdate("INSERT INTO incident (dossier_id, leg, kind, found_by, found_where,"
                                + " found_on, office_code, description, postage, reissue_costs, compensation, pay_by,"
                                + " recorded_by, created_at) VALUES (:id, 'OUTBOUND', 'LOST', 'clerk', 'kho',"
                                + " current_date, :office, 'thất lạc', 0, 0, 0, current_date + 30, 'clerk', now())")
                        .bind("id", lost.id())
                        .bind("office", Dossiers.OFFICE)
                        .execute());
        Response hold = APP.as("admin", "/api/dossiers/" + held.code() + "/retention-hold")
                .put(Entity.entity(Map.of("reason", "Thanh tra đang xem xét"), MediaType.APPLICATION_JSON_TYPE));
        assertThat(hold.getStatus()).isEqualTo(200);
        assertThat(json(hold)).containsEntry("heldBy", "admin");

        // five years and a day after today; `young` got a later event, two days from now: five years less a day
        ZonedDateTime then = ZonedDateTime.now(VN).plusYears(5).plusDays(1);
        Clock clock = Clock.fixed(then.toInstant(), VN);
        APP.jdbi()
                .useHandle(h -> h.createUpdate("INSERT INTO dossier_event (dossier_id, type, at, actor, note)"
                                + " VALUES (:id, 'COMPLAINT_ANSWERED', :at, 'clerk', 'ghi chú')")
                        .bind("id", young.id())
                        .bind("at", OffsetDateTime.now(VN).plusDays(2))
                        .execute());

        Map<Stored, String> before = Map.of(
                old, snapshot(old),
                shared, snapshot(shared),
                complained, snapshot(complained),
                held, snapshot(held),
                lost, snapshot(lost),
                young, snapshot(young));

        String dry = retention(clock, true);
        assertThat(dry).contains("2 dossiers closed more than 5 years ago would be purged");
        assertThat(dry).contains(old.code() + " closed ").contains(shared.code() + " closed ");
        assertThat(dry).doesNotContain(young.code(), complained.code(), held.code(), lost.code(), open);
        before.forEach(
                (d, snap) -> assertThat(snapshot(d)).as("dry run, " + d.code()).isEqualTo(snap));
        assertThat(STORE.blob(old.sha256())).exists();

        String done = retention(clock, false);
        assertThat(done).contains("retention: 2 dossiers purged, 2 scan records");
        assertThat(done).contains("1 stored files deleted; 3 kept under a hold");

        for (Stored d : List.of(old, shared)) {
            Map<String, Object> row = APP.jdbi()
                    .withHandle(h -> h.createQuery("SELECT applicant_name, applicant_citizen_id, applicant_phone,"
                                    + " applicant_email, applicant_street, delivery_street, status,"
                                    + " (SELECT count(*) FROM dossier_file f WHERE f.dossier_id = d.id) AS files,"
                                    + " (SELECT count(*) FROM dossier_event e WHERE e.dossier_id = d.id) AS events"
                                    + " FROM dossier d WHERE d.id = :id")
                            .bind("id", d.id())
                            .mapToMap()
                            .one());
            assertThat(row)
                    .containsEntry("applicant_name", T)
                    .containsEntry("applicant_citizen_id", T)
                    .containsEntry("applicant_phone", T)
                    .containsEntry("applicant_street", T)
                    .containsEntry("delivery_street", T)
                    .containsEntry("status", "WITHDRAWN")
                    .containsEntry("files", 0L);
            assertThat(row.get("applicant_email")).isNull();
            assertThat((Long) row.get("events")).isPositive(); // the timeline stays
            Map<String, Object> log = APP.jdbi()
                    .withHandle(h -> h.createQuery("SELECT code, files_removed, bytes_removed, purged_at"
                                    + " FROM retention_purge WHERE dossier_id = :id")
                            .bind("id", d.id())
                            .mapToMap()
                            .one());
            assertThat(log).containsEntry("code", d.code()).containsEntry("files_removed", 1);
            assertThat((Long) log.get("bytes_removed")).isPositive();
            String everything = snapshot(d);
            assertThat(everything)
                    .doesNotContain(Dossiers.NAME, Dossiers.CITIZEN_ID, Dossiers.PHONE, "nhung.nguyen", "0987000111");
        }
        assertThat(snapshot(old))
                .contains("\"complainant_name\": \"" + T + "\"")
                .doesNotContain("Chị Nhung")
                // what identifies the agency's event, the notice and the manifest stays
                .contains("\"eventId\": \"E-1\"", "\"eventId\": \"N-1\"", "\"purged_manifest_sha256\": \"")
                .contains("\"paid_by\": \"giamsat\"");
        assertThat(STORE.blob(old.sha256())).doesNotExist();
        // `shared`'s rows are gone, but its bytes are also `young`'s scan
        assertThat(STORE.blob(shared.sha256())).exists();
        for (Stored kept : List.of(young, complained, held, lost)) {
            assertThat(snapshot(kept)).as(kept.code()).isEqualTo(before.get(kept));
            assertThat(STORE.blob(kept.sha256())).exists();
        }
        assertThat(Files.readAllBytes(STORE.blob(young.sha256()))).isEqualTo(Scans.png(302));

        // public tracking still answers, without the applicant
        Response track = EXT.client()
                .target(APP.url("/api/track/" + old.code()))
                .request()
                .get();
        assertThat(track.getStatus()).isEqualTo(200);
        String tracked = track.readEntity(String.class);
        assertThat(tracked).contains(old.code()).contains(T).contains("WITHDRAWN");
        assertThat(tracked).doesNotContain("N***", Dossiers.CITIZEN_ID, Dossiers.PHONE);

        // staff still open it, through the API and at the counter
        Response view = APP.as("admin", "/api/dossiers/" + old.code()).get();
        assertThat(view.getStatus()).isEqualTo(200);
        assertThat(view.readEntity(String.class)).contains(T).doesNotContain(Dossiers.NAME);
        APP.addSession("clerk");
        Response page = APP.page("clerk", "/counter/ho-so/" + old.code());
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.readEntity(String.class)).contains(T).doesNotContain(Dossiers.PHONE);
        Response publicPage =
                EXT.client().target(APP.url("/tra-cuu/" + old.code())).request().get();
        assertThat(publicPage.getStatus()).isEqualTo(200);
        assertThat(publicPage.readEntity(String.class)).contains(T);

        // a second run finds nothing new; lifting the hold lets the next run take that dossier
        assertThat(retention(clock, false)).contains("retention: 0 dossiers purged");
        assertThat(status(APP.as("admin", "/api/dossiers/" + held.code() + "/retention-hold")
                        .delete()))
                .isEqualTo(204);
        assertThat(retention(clock, false)).contains("retention: 1 dossiers purged");
        assertThat(STORE.blob(held.sha256())).doesNotExist();
        assertThat(snapshot(complained)).isEqualTo(before.get(complained));
    }

    @Test
    void theTimelineStaysAppendOnlyExceptForThePurgesNotesAndPayloads() {
        // an open dossier: a closed one would be due in the other test's run
        long d = id((String) json(APP.post("clerk", "/api/dossiers", Dossiers.judicialRecord()))
                .get("code"));
        String note = "UPDATE dossier_event SET note = 'x' WHERE dossier_id = " + d;
        assertThatThrownBy(() -> APP.jdbi().useHandle(h -> h.execute(note))).hasMessageContaining("append-only");
        assertThatThrownBy(() -> APP.jdbi().useTransaction(h -> {
                    h.createQuery("SELECT set_config('dossierpost.retention_purge', 'on', true)")
                            .mapTo(String.class)
                            .one();
                    h.execute("UPDATE dossier_event SET type = 'FILE_ADDED' WHERE dossier_id = " + d);
                }))
                .hasMessageContaining("append-only");
        assertThatThrownBy(
                        () -> APP.jdbi().useHandle(h -> h.execute("DELETE FROM dossier_event WHERE dossier_id = " + d)))
                .hasMessageContaining("append-only");
        int changed = APP.jdbi().inTransaction(h -> {
            h.createQuery("SELECT set_config('dossierpost.retention_purge', 'on', true)")
                    .mapTo(String.class)
                    .one();
            return h.execute(note);
        });
        assertThat(changed).isPositive();
    }

    @Test
    void aHoldNeedsAReasonAndAnAdministrator() {
        // an open dossier: a closed one would be due in the other test's run
        String code = (String) json(APP.post("clerk", "/api/dossiers", Dossiers.judicialRecord()))
                .get("code");
        String path = "/api/dossiers/" + code + "/retention-hold";
        Response noReason =
                APP.as("admin", path).put(Entity.entity(Map.of("reason", " "), MediaType.APPLICATION_JSON_TYPE));
        assertThat(noReason.getStatus()).isEqualTo(422);
        assertThat(noReason.readEntity(String.class)).contains("reason");
        assertThat(status(APP.as("clerk", path)
                        .put(Entity.entity(Map.of("reason", "x"), MediaType.APPLICATION_JSON_TYPE))))
                .isEqualTo(403);
        assertThat(status(APP.as("admin", path).delete())).isEqualTo(404);
        assertThat(status(APP.as("admin", "/api/dossiers/KHONG-CO/retention-hold")
                        .put(Entity.entity(Map.of("reason", "x"), MediaType.APPLICATION_JSON_TYPE))))
                .isEqualTo(404);
    }

    @Test
    void theDailyJobWaitsForItsTimeOfDay() {
        Clock morning =
                Clock.fixed(ZonedDateTime.of(2026, 12, 2, 1, 0, 0, 0, VN).toInstant(), VN);
        assertThat(DailyPurge.untilNext(morning, LocalTime.of(2, 30))).isEqualTo(Duration.ofMinutes(90));
        Clock evening =
                Clock.fixed(ZonedDateTime.of(2026, 12, 2, 2, 30, 0, 0, VN).toInstant(), VN);
        assertThat(DailyPurge.untilNext(evening, LocalTime.of(2, 30))).isEqualTo(Duration.ofDays(1));
    }
}
