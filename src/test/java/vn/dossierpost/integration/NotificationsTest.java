package vn.dossierpost.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.domain.Role;
import vn.dossierpost.service.catalogue.ReferenceDataCache;
import vn.dossierpost.service.notify.NotificationKind;
import vn.dossierpost.service.notify.NotificationTemplates;
import vn.dossierpost.service.notify.Notifications;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.Handovers;
import vn.dossierpost.support.ScriptedAgency;
import vn.dossierpost.support.SmsGatewayStandIn;
import vn.dossierpost.support.TestApp;

/**
 * The applicant's messages end to end: a dossier taken in, scanned and handed over to an agency (a
 * MockWebServer) becomes DELIVERED_TO_AGENCY, and the notification route sends the e-mail to a real
 * SMTP server (GreenMail) and the SMS to a gateway stand-in (MockWebServer). A gateway that fails
 * is tried again, or given up on, without the dossier noticing.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class NotificationsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final String CLERK = "clerk.hn";
    static final String EMAIL = "nhung.nguyen@example.vn";
    // started before the service, whose configuration names their ports
    static final GreenMail SMTP = startSmtp();
    static final SmsGatewayStandIn GATEWAY = new SmsGatewayStandIn();
    static final MockWebServer SMS = startSms();
    static final TestApp APP = new TestApp(
            ConfigOverride.config("notifications.enabled", "true"),
            ConfigOverride.config(
                    "notifications.smtp.port", Integer.toString(SMTP.getSmtp().getPort())),
            ConfigOverride.config("notifications.smtp.from", "thongbao@buudien.example.vn"),
            ConfigOverride.config("notifications.sms.url", SMS.url("/v1/sms").toString()));
    static final DropwizardAppExtension<?> EXT = APP.extension();
    static final ScriptedAgency AGENCY = new ScriptedAgency();
    static MockWebServer agency;

    static GreenMail startSmtp() {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    static MockWebServer startSms() {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(GATEWAY);
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }

    @BeforeAll
    static void setUp() throws Exception {
        APP.addUser(CLERK, Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser("admin", Role.ADMIN, null, null);
        APP.addUser("supervisor", Role.SUPERVISOR, null, null);
        agency = new MockWebServer();
        agency.setDispatcher(AGENCY);
        agency.start();
        Handovers.http(APP, "admin", Dossiers.AGENCY, agency.url("/mot-cua/api").toString());
    }

    @AfterAll
    static void tearDown() {
        agency.close();
        SMS.close();
        SMTP.stop();
    }

    @Test
    void theApplicantIsToldByEmailAndSmsThatTheDossierReachedTheAgencyAndTheAppointmentDate() throws Exception {
        String code = Handovers.digitised(APP, CLERK, 1);
        Handovers.awaitStatus(APP, code, "DELIVERED_TO_AGENCY");
        String date = resultDue(code).format(DAY);
        String agencyName = name("agency", Dossiers.AGENCY);
        String procedureName = name("procedure", Dossiers.PROCEDURE);

        MimeMessage mail = awaitMail(code, "chuyển đến");
        assertThat(mail.getHeader("Subject")[0]).as("encoded for 7-bit headers").startsWith("=?UTF-8?");
        assertThat(mail.getSubject()).isEqualTo("Hồ sơ " + code + " đã được chuyển đến " + agencyName);
        assertThat(Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).map(Object::toString))
                .containsExactly(EMAIL);
        assertThat(mail.getFrom()[0].toString()).isEqualTo("thongbao@buudien.example.vn");
        assertThat(mail.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("charset=UTF-8");
        String text = ((String) mail.getContent()).replace("\r\n", "\n");
        assertThat(text)
                .startsWith("Kính gửi Ông/Bà " + Dossiers.NAME + ",\n")
                .contains("Hồ sơ " + code + " của Ông/Bà (thủ tục: " + procedureName + ") đã được Bưu điện chuyển đến "
                        + agencyName)
                .contains("Số biên nhận hồ sơ: TN-")
                .contains("Ngày hẹn trả kết quả: " + date + ".\n")
                .contains("Tra cứu tình trạng hồ sơ: https://tracuu.example.vn/track/EH");

        RecordedRequest sms = awaitSms(code, "chuyen den");
        assertThat(sms.getMethod()).isEqualTo("POST");
        assertThat(sms.getUrl().encodedPath()).isEqualTo("/v1/sms");
        assertThat(sms.getHeaders().get("X-Api-Key")).isEqualTo("test-key");
        assertThat(sms.getHeaders().get("Content-Type")).startsWith("application/json");
        JsonNode body = JSON.readTree(SmsGatewayStandIn.body(sms));
        assertThat(body.get("to").asText()).isEqualTo("+84912345678");
        assertThat(body.get("text").asText())
                .isEqualTo("Buu dien: ho so " + code + " da duoc chuyen den " + ascii(agencyName)
                        + ". Ngay hen tra ket qua: " + date + ".");

        awaitState(code, "SMS", "SENT");
        List<Map<String, Object>> views = notifications(code, "DELIVERED_TO_AGENCY");
        assertThat(views).hasSize(2).allSatisfy(n -> {
            assertThat(n.get("state")).isEqualTo("SENT");
            assertThat(n.get("attempts")).isEqualTo(1);
        });
        assertThat(views).anySatisfy(n -> {
            assertThat(n.get("channel")).isEqualTo("EMAIL");
            assertThat(n.get("recipient")).isEqualTo(EMAIL);
            assertThat((String) n.get("body")).contains("Ngày hẹn trả kết quả: " + date);
        });
        assertThat(TestApp.status(APP.as(CLERK, "/api/dossiers/" + code + "/notifications")
                        .get()))
                .isEqualTo(200);
    }

    @Test
    void aGatewayFailingIsTriedAgainUntilItTakesTheMessageAndTheDossierDoesNotNotice() {
        Map<String, Object> body = withPhone("0912000002");
        GATEWAY.failNext(500, 2, "+84912000002");
        String code = Handovers.digitised(APP, CLERK, 2, body);
        Handovers.awaitStatus(APP, code, "DELIVERED_TO_AGENCY");
        // two SMS about the dossier (received, then delivered to the agency) share the two failures
        Handovers.await(
                () -> sms(code).stream()
                                .filter(n -> "SENT".equals(n.get("state")))
                                .count()
                        == 2,
                Duration.ofSeconds(10),
                () -> "both SMS of " + code + " sent: " + notifications(code));

        List<RecordedRequest> tries = GATEWAY.about(code);
        assertThat(tries).hasSize(4);
        assertThat(tries.stream().map(SmsGatewayStandIn::body).distinct())
                .as("each tried again with the same text")
                .hasSize(2);
        assertThat(sms(code))
                .extracting(n -> (Integer) n.get("attempts"))
                .satisfies(a ->
                        assertThat(a.stream().mapToInt(Integer::intValue).sum()).isEqualTo(4));
        assertThat(sms(code))
                .allSatisfy(n ->
                        assertThat(n.get("lastError")).as("cleared once sent").isNull());
        assertThat(Handovers.status(APP, code)).isEqualTo("DELIVERED_TO_AGENCY");
        assertThat(Handovers.eventTypes(APP, code))
                .containsOnlyOnce("DELIVERED_TO_AGENCY")
                .last()
                .isEqualTo("DELIVERED_TO_AGENCY");
        awaitMail(code, "chuyển đến");
    }

    @Test
    void aMessageTheGatewayRefusesIsKeptAsFailedWithTheErrorForStaff() {
        Map<String, Object> body = withPhone("0912000003");
        GATEWAY.failNext(400, 1, "+84912000003");
        String code = Handovers.digitised(APP, CLERK, 3, body);
        Handovers.awaitStatus(APP, code, "DELIVERED_TO_AGENCY");
        awaitState(code, "SMS", "FAILED");

        Map<String, Object> sms = sms(code).stream()
                .filter(n -> "FAILED".equals(n.get("state")))
                .findFirst()
                .orElseThrow();
        assertThat((String) sms.get("lastError")).contains("HTTP 400").contains("the gateway says no");
        assertThat(sms.get("failedAt")).isNotNull();
        assertThat(sms.get("attempts")).as("a refusal is not retried").isEqualTo(1);
        awaitState(code, "EMAIL", "SENT");
        assertThat(Handovers.status(APP, code)).isEqualTo("DELIVERED_TO_AGENCY");
    }

    @Test
    void aMessageThatCannotBeWrittenDoesNotUndoTheTransactionItIsPartOf() {
        Response res = APP.post(CLERK, "/api/dossiers", Dossiers.judicialRecord());
        String code = (String) TestApp.json(res).get("code");
        Jdbi jdbi = APP.jdbi();
        ZoneId zone = ZoneId.of("Asia/Ho_Chi_Minh");
        Notifications notifications = new Notifications(
                new ReferenceDataCache(jdbi),
                NotificationTemplates.load(null, zone),
                Clock.system(zone),
                "https://tracuu.example.vn/track/");
        jdbi.useTransaction(h -> {
            String columns = DossierRow.COLUMNS.replaceFirst("^id, ", "");
            DossierRow real = h.createQuery("SELECT " + DossierRow.COLUMNS + " FROM dossier WHERE code = :c")
                    .bind("c", code)
                    .map(new DossierRow.Mapper())
                    .one();
            // no such dossier: the insert breaks its foreign key
            DossierRow ghost = h.createQuery("SELECT -1 AS id, " + columns + " FROM dossier WHERE code = :c")
                    .bind("c", code)
                    .map(new DossierRow.Mapper())
                    .one();
            notifications.enqueue(h, ghost, NotificationKind.REFUSED, Map.of("reason", "không có"));
            h.execute("UPDATE dossier SET agency_reference = 'THU-001' WHERE id = ?", real.id());
            notifications.enqueue(h, real, NotificationKind.REFUSED, Map.of("reason", "Hồ sơ không thuộc thẩm quyền."));
        });
        String reference = jdbi.withHandle(h -> h.createQuery("SELECT agency_reference FROM dossier WHERE code = :c")
                .bind("c", code)
                .mapTo(String.class)
                .one());
        assertThat(reference).as("the caller's own work committed").isEqualTo("THU-001");
        assertThat(notifications(code, "REFUSED")).hasSize(2).allSatisfy(n -> {
            assertThat((String) n.get("body"))
                    .containsAnyOf("Lý do: Hồ sơ không thuộc thẩm quyền.", "Ly do: Ho so khong thuoc tham quyen.");
        });
        // sent before the next test scripts the gateway
        awaitState(code, "SMS", "SENT");
        awaitState(code, "EMAIL", "SENT");
    }

    /** A dossier whose applicant has a number of its own, so the gateway can be told to fail only for it. */
    private static Map<String, Object> withPhone(String phone) {
        Map<String, Object> body = Dossiers.judicialRecord();
        Dossiers.applicant(body).put("phone", phone);
        return body;
    }

    private static List<Map<String, Object>> notifications(String code) {
        try (Response res =
                APP.as("supervisor", "/api/dossiers/" + code + "/notifications").get()) {
            assertThat(res.getStatus()).isEqualTo(200);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> list = res.readEntity(List.class);
            return list;
        }
    }

    private static List<Map<String, Object>> notifications(String code, String kind) {
        return notifications(code).stream()
                .filter(n -> kind.equals(n.get("kind")))
                .toList();
    }

    private static List<Map<String, Object>> sms(String code) {
        return notifications(code).stream()
                .filter(n -> "SMS".equals(n.get("channel")))
                .toList();
    }

    private static void awaitState(String code, String channel, String state) {
        Handovers.await(
                () -> notifications(code).stream()
                        .anyMatch(n -> channel.equals(n.get("channel")) && state.equals(n.get("state"))),
                Duration.ofSeconds(10),
                () -> "the " + channel + " message of " + code + " to be " + state + ": " + notifications(code));
    }

    /** The e-mail about {@code code} whose subject also holds {@code about} (each kind of message has its subject). */
    private static MimeMessage awaitMail(String code, String about) {
        MimeMessage[] found = new MimeMessage[1];
        Handovers.await(
                () -> {
                    for (MimeMessage m : SMTP.getReceivedMessages()) {
                        try {
                            if (m.getSubject().contains(code) && m.getSubject().contains(about)) {
                                found[0] = m;
                                return true;
                            }
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    return false;
                },
                Duration.ofSeconds(10),
                () -> "an e-mail about " + code);
        return found[0];
    }

    /** The SMS about {@code code} whose text also holds {@code about}. */
    private static RecordedRequest awaitSms(String code, String about) {
        Handovers.await(
                () -> GATEWAY.about(code).stream()
                        .anyMatch(r -> SmsGatewayStandIn.body(r).contains(about)),
                Duration.ofSeconds(10),
                () -> "an SMS about " + code + ": " + about);
        return GATEWAY.about(code).stream()
                .filter(r -> SmsGatewayStandIn.body(r).contains(about))
                .findFirst()
                .orElseThrow();
    }

    private static LocalDate resultDue(String code) {
        return APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT result_due FROM dossier WHERE code = :c")
                        .bind("c", code)
                        .mapTo(LocalDate.class)
                        .one());
    }

    private static String name(String table, String code) {
        return APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT name FROM " + table + " WHERE code = :c")
                        .bind("c", code)
                        .mapTo(String.class)
                        .one());
    }

    private static String ascii(String vietnamese) {
        return java.text.Normalizer.normalize(
                        vietnamese.replace("đ", "d").replace("Đ", "D"), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
    }
}
