package vn.dossierpost.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dossierpost.support.Scans.sha256;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.glassfish.jersey.client.ClientProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.agencysim.AgencySimulator;
import vn.dossierpost.auth.Passwords;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Browser;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.Handovers;
import vn.dossierpost.support.Multipart;
import vn.dossierpost.support.Scans;
import vn.dossierpost.support.TestApp;

/**
 * An agency without a system of its own works from the desk: its officer signs in with a password,
 * finds the dossier the post handed over (through the project's agency simulator), reads its scans,
 * asks for a supplement and, once the counter has sent it, reports the result. The dossier moves as
 * the database and the agency API show. Another agency's officer gets neither the page, nor a scan,
 * nor the ZIP, nor the handover record.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AgencyDeskBrowserTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static final String CLERK = "clerk.hn";
    static final String DESK = "canbo.stp";
    static final String OTHER_DESK = "canbo.khac";
    /** What Chromium asks for when it follows a link. */
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    static WebDriver browser;
    static AgencySimulator sim;
    static String agencyToken;

    @BeforeAll
    static void setUp() throws IOException {
        APP.addUser(CLERK, Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser("admin", Role.ADMIN, null, null);
        APP.addUser(DESK, Role.AGENCY, null, Dossiers.AGENCY);
        agencyToken = APP.addTokenUser("stp-hanoi", Role.AGENCY, null, Dossiers.AGENCY);
        String otherAgency = APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT code FROM agency WHERE code <> :c ORDER BY code LIMIT 1")
                        .bind("c", Dossiers.AGENCY)
                        .mapTo(String.class)
                        .one());
        APP.addUser(OTHER_DESK, Role.AGENCY, null, otherAgency);
        sim = AgencySimulator.builder(Handovers.SECRET).start();
        Handovers.http(APP, "admin", Dossiers.AGENCY, sim.baseUrl());
        browser = BROWSER.start("vi-VN,vi");
    }

    @AfterAll
    static void tearDown() {
        BROWSER.quit();
        sim.close();
    }

    @Test
    void anAgencyAnswersASupplementRequestAndAResultFromTheDesk() throws IOException {
        String code = Handovers.digitised(APP, CLERK, 1);
        Handovers.awaitStatus(APP, code, "DELIVERED_TO_AGENCY");

        // signing in with a password leads to the desk; the dossier is among those being processed
        browser.get(APP.url("/agency?tab=dang-xu-ly"));
        waitUntil(d -> d.getCurrentUrl().contains("/login?next="));
        browser.findElement(By.id("username")).sendKeys(DESK, Keys.TAB, TestApp.PASSWORD, Keys.ENTER);
        waitUntil(d -> d.getCurrentUrl().endsWith("/agency?tab=dang-xu-ly"));
        assertThat(codesListed()).contains(code);
        assertThat(browser.findElement(By.cssSelector("#tab-dang-xu-ly .count")).getText())
                .isEqualTo(String.valueOf(codesListed().size()));
        screenshot("agency-list");

        // the dossier: applicant, both scans, the PDF shown in the page, the ZIP, the handover record
        browser.findElement(By.cssSelector("#dossiers tr[data-code=\"" + code + "\"] a.dossier-link"))
                .click();
        waitUntil(d -> d.getCurrentUrl().endsWith("/agency/ho-so/" + code));
        assertThat(status()).isEqualTo("DELIVERED_TO_AGENCY");
        assertThat(text("applicant")).isEqualTo(Dossiers.NAME);
        assertThat(text("citizen-id")).isEqualTo(Dossiers.CITIZEN_ID);
        assertThat(browser.findElements(By.cssSelector("a.scan-view"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector("#preview iframe.preview-frame")))
                .hasSize(1);
        screenshot("agency-dossier");
        click(By.cssSelector("#component-GIAY_TO_TUY_THAN a.scan-view"));
        waitUntil(d ->
                !d.findElements(By.cssSelector("#preview img.preview-image")).isEmpty());
        assertThat(imageShown()).as("the PNG scan decoded in the page").isTrue();

        Map<String, String> zipped =
                unzip(fetch(browser.findElement(By.id("zip")).getAttribute("href")));
        assertThat(zipped).as("name → SHA-256 of each entry").containsExactlyInAnyOrderEntriesOf(storedScans(code));
        byte[] record = fetch(
                browser.findElement(By.cssSelector("#records a.record-link")).getAttribute("href"));
        assertThat(new String(record, 0, 5)).isEqualTo("%PDF-");

        // a supplement request without its reason is refused beside the field; with it, the dossier moves
        click(By.id("send-SUPPLEMENT_REQUESTED"));
        waitUntil(
                d -> !d.findElements(By.id("SUPPLEMENT_REQUESTED-reason-error")).isEmpty());
        assertThat(text("SUPPLEMENT_REQUESTED-reason-error")).startsWith("Xin ghi lý do");
        screenshot("agency-answer-refused");
        assertThat(Handovers.status(APP, code)).isEqualTo("DELIVERED_TO_AGENCY");
        browser.findElement(By.id("SUPPLEMENT_REQUESTED-reason"))
                .sendKeys("Thiếu bản sao giấy khai sinh có chứng thực");
        browser.findElement(By.id("SUPPLEMENT_REQUESTED-missingItems"))
                .sendKeys("Bản sao giấy khai sinh", Keys.ENTER, "Ảnh 4x6");
        click(By.id("send-SUPPLEMENT_REQUESTED"));
        waitUntil(d -> "SUPPLEMENT_REQUESTED".equals(status()));
        assertThat(text("flash")).contains("Yêu cầu bổ sung hồ sơ");
        assertThat(Handovers.status(APP, code)).isEqualTo("SUPPLEMENT_REQUESTED");
        assertThat(syncedStatus(code)).isEqualTo("SUPPLEMENT_REQUESTED");
        assertThat(text("timeline")).contains("Thiếu bản sao giấy khai sinh có chứng thực");
        assertThat(column("SELECT source || ' ' || outcome FROM agency_event WHERE dossier_code = :c", code))
                .containsExactly("WEB APPLIED");

        // the counter takes the supplement (as its API does); the post hands it over again
        try (Response done = APP.as(CLERK, "/api/dossiers/" + code + "/supplements?component=TO_KHAI&note=bo-sung")
                .post(Multipart.file("giấy khai sinh.pdf", "application/pdf", Scans.pdf(1))
                        .entity())) {
            assertThat(done.getStatus()).isEqualTo(200);
        }
        Handovers.awaitStatus(APP, code, "DELIVERED_TO_AGENCY");

        // the result: its reference is required, then the dossier is RESULT_READY
        browser.navigate().refresh();
        waitUntil(d -> "DELIVERED_TO_AGENCY".equals(status()));
        click(By.id("send-RESULT_READY"));
        waitUntil(d ->
                !d.findElements(By.id("RESULT_READY-resultReference-error")).isEmpty());
        assertThat(text("RESULT_READY-resultReference-error")).startsWith("Xin ghi số, ký hiệu của kết quả");
        browser.findElement(By.id("RESULT_READY-resultReference")).sendKeys("LLTP-2026/0000777");
        click(By.id("send-RESULT_READY"));
        waitUntil(d -> "RESULT_READY".equals(status()));
        assertThat(Handovers.status(APP, code)).isEqualTo("RESULT_READY");
        assertThat(syncedStatus(code)).isEqualTo("RESULT_READY");
        assertThat(column("SELECT result_reference FROM dossier WHERE code = :c", code))
                .containsExactly("LLTP-2026/0000777");
        assertThat(browser.findElements(By.cssSelector("#answers form"))).isEmpty();
        screenshot("agency-result-ready");

        // a refusal sent after the result (from a page left open) is a 409 said in words, not JSON
        try (Response late = asBrowser("/agency/ho-so/" + code + "/tra-loi")
                .post(Entity.form(new Form()
                        .param(
                                "_csrf",
                                browser.findElement(By.cssSelector("meta[name=csrf-token]"))
                                        .getAttribute("content"))
                        .param("eventId", UUID.randomUUID().toString())
                        .param("type", "REFUSED")
                        .param("reason", "Không đủ điều kiện")))) {
            assertThat(late.getStatus()).isEqualTo(409);
            assertThat(late.getMediaType().toString()).startsWith("text/html");
            String page = late.readEntity(String.class);
            assertThat(page)
                    .contains("Không thực hiện được: hồ sơ đang ở trạng thái «Đã có kết quả giải quyết»")
                    .doesNotContain("\"currentStatus\"");
        }
        assertThat(Handovers.status(APP, code)).isEqualTo("RESULT_READY");
    }

    @Test
    void anotherAgencysOfficerGetsNeitherThePageNorItsScansNorTheZip() {
        String code = Handovers.digitised(APP, CLERK, 2);
        Handovers.awaitStatus(APP, code, "DELIVERED_TO_AGENCY");
        long fileId = APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT f.id FROM dossier_file f JOIN dossier d ON d.id = f.dossier_id "
                                + "WHERE d.code = :c ORDER BY f.id LIMIT 1")
                        .bind("c", code)
                        .mapTo(Long.class)
                        .one());
        String handover = Handovers.handoversOf(APP, code).get(0);
        String own = session(DESK);
        String other = session(OTHER_DESK);
        List<String> paths = List.of(
                "/agency/ho-so/" + code,
                "/agency/ho-so/" + code + "/tep/" + fileId,
                "/agency/ho-so/" + code + "/tep.zip",
                "/agency/ban-giao/" + handover + "/bien-ban.pdf");
        for (String path : paths) {
            try (Response mine = get(own, path)) {
                assertThat(mine.getStatus()).as("own agency: " + path).isEqualTo(200);
                assertThat(mine.readEntity(byte[].class)).isNotEmpty();
            }
            try (Response theirs = get(other, path)) {
                assertThat(theirs.getStatus()).as("another agency: " + path).isIn(403, 404);
                assertThat(theirs.readEntity(String.class)).doesNotContain(Dossiers.NAME, Dossiers.CITIZEN_ID);
            }
        }
        try (Response list = get(other, "/agency?tab=tat-ca")) {
            assertThat(list.readEntity(String.class)).doesNotContain(code);
        }
        try (Response found = get(own, "/agency?tab=tat-ca&q=hong+nhung")) {
            assertThat(found.readEntity(String.class)).contains("data-code=\"" + code + "\"");
        }
        try (Response tooShort = get(own, "/agency?tab=tat-ca&q=n")) {
            assertThat(tooShort.getStatus()).isEqualTo(422);
            assertThat(tooShort.readEntity(String.class)).contains("ít nhất 2 chữ của họ tên");
        }

        // sent by a channel without acknowledgement, the dossier is new until the officer confirms it
        APP.jdbi().useHandle(h -> h.execute("UPDATE dossier SET status = 'IN_TRANSIT_TO_AGENCY' WHERE code = ?", code));
        try (Response fresh = get(own, "/agency?tab=moi")) {
            assertThat(fresh.readEntity(String.class)).contains("data-code=\"" + code + "\"");
        }
        String answers = "/agency/ho-so/" + code + "/tra-loi";
        try (Response received = answer(own, answers, "RECEIVED", "reason", "")) {
            assertThat(received.getStatus()).isEqualTo(303);
        }
        assertThat(Handovers.status(APP, code)).isEqualTo("DELIVERED_TO_AGENCY");
        try (Response twice = answer(own, answers, "RECEIVED", "reason", "")) {
            assertThat(twice.getStatus()).as("kept, of no effect").isEqualTo(200);
            assertThat(twice.readEntity(String.class)).contains("id=\"answer-notice\"", "Không có gì thay đổi");
        }

        // one new appointment date: a date that is none is refused on its field, a second delay in words
        try (Response noDate = answer(own, answers, "DELAYED", "newAppointmentDate", "2026-13-01")) {
            assertThat(noDate.getStatus()).isEqualTo(422);
            assertThat(noDate.readEntity(String.class)).contains("Xin chọn ngày hẹn trả kết quả mới");
        }
        String current = column("SELECT result_due::text FROM dossier WHERE code = :c", code)
                .get(0);
        try (Response notLater = answer(own, answers, "DELAYED", "newAppointmentDate", current)) {
            assertThat(notLater.getStatus()).as("a delay gives a later date").isEqualTo(422);
            assertThat(notLater.readEntity(String.class))
                    .contains("sau ngày hẹn hiện tại", "must be after the current appointment " + current);
        }
        String later = java.time.LocalDate.now().plusDays(40).toString();
        try (Response delayed = answer(own, answers, "DELAYED", "newAppointmentDate", later)) {
            assertThat(delayed.getStatus()).isEqualTo(303);
        }
        assertThat(column("SELECT result_due::text FROM dossier WHERE code = :c", code))
                .containsExactly(later);
        try (Response again = answer(own, answers, "DELAYED", "newAppointmentDate", later)) {
            assertThat(again.getStatus()).isEqualTo(409);
            assertThat(again.readEntity(String.class)).contains("chỉ được hẹn lại ngày trả kết quả một lần");
        }

        // past its result date the dossier is on the agency's overdue tab
        APP.jdbi().useHandle(h -> h.execute("UPDATE dossier SET result_due = current_date - 1 WHERE code = ?", code));
        try (Response overdue = get(own, "/agency?tab=qua-han")) {
            assertThat(overdue.readEntity(String.class)).contains("data-code=\"" + code + "\"");
        }
    }

    private static List<String> column(String sql, String code) {
        return APP.jdbi()
                .withHandle(h ->
                        h.createQuery(sql).bind("c", code).mapTo(String.class).list());
    }

    /**
     * Clicks what may lie below the fold, brought into view first as a person would scroll to it;
     * at once (Bootstrap makes scrolling smooth, and a click during the glide misses).
     */
    private static void click(By what) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(ElementClickInterceptedException.class)
                .until(d -> {
                    var element = d.findElement(what);
                    ((JavascriptExecutor) d)
                            .executeScript(
                                    "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
                    element.click();
                    return true;
                });
    }

    private static String status() {
        return browser.findElement(By.id("status")).getAttribute("data-status");
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static List<String> codesListed() {
        return browser.findElements(By.cssSelector("#dossiers tr[data-code]")).stream()
                .map(tr -> tr.getAttribute("data-code"))
                .toList();
    }

    private static boolean imageShown() {
        Object loaded = ((JavascriptExecutor) browser)
                .executeScript(
                        "var i = document.querySelector('#preview img'); return i.complete && i.naturalWidth > 0;");
        return Boolean.TRUE.equals(loaded);
    }

    /** The dossier's status as the agency's own system reads it through the API. */
    @SuppressWarnings("unchecked")
    private static String syncedStatus(String code) {
        Map<String, Object> page = TestApp.json(EXT.client()
                .target(APP.url("/api/agency/dossiers"))
                .request()
                .header("Authorization", "Bearer " + agencyToken)
                .get());
        return ((List<Map<String, Object>>) page.get("dossiers"))
                .stream()
                        .filter(i -> code.equals(i.get("dossierCode")))
                        .map(i -> (String) i.get("status"))
                        .findFirst()
                        .orElseThrow();
    }

    /** Each stored scan of the dossier as {@code component/name} → its SHA-256. */
    private static Map<String, String> storedScans(String code) {
        return APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT f.component_code || '/' || f.original_name AS name, f.sha256 "
                                + "FROM dossier_file f JOIN dossier d ON d.id = f.dossier_id WHERE d.code = :c")
                        .bind("c", code)
                        .setMapKeyColumn("name")
                        .setMapValueColumn("sha256")
                        .collectInto(new org.jdbi.v3.core.generic.GenericType<Map<String, String>>() {}));
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> entries = new java.util.HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), sha256(in.readAllBytes()));
            }
        }
        return entries;
    }

    /** A request with the browser's session. */
    private static Invocation.Builder asBrowser(String path) {
        return EXT.client()
                .target(path.startsWith("http") ? path : APP.url(path))
                .request()
                .header("Accept", BROWSER_ACCEPT)
                .cookie(
                        Cookies.SESSION,
                        browser.manage().getCookieNamed(Cookies.SESSION).getValue());
    }

    private static byte[] fetch(String url) {
        try (Response response = asBrowser(url).get()) {
            assertThat(response.getStatus()).as(url).isEqualTo(200);
            return response.readEntity(byte[].class);
        }
    }

    /** A session of {@code username} made directly, for requests without the browser. */
    private static String session(String username) {
        String token = "session-" + username + "-" + UUID.randomUUID();
        APP.jdbi()
                .useHandle(h -> h.execute(
                        "INSERT INTO web_session (token_hash, username, csrf_token, created_at, last_seen_at) "
                                + "VALUES (?, ?, ?, now(), now())",
                        Passwords.tokenHash(token),
                        username,
                        "csrf-" + username));
        return token;
    }

    private static Response get(String session, String path) {
        return EXT.client()
                .target(APP.url(path))
                .property(ClientProperties.FOLLOW_REDIRECTS, false)
                .request()
                .header("Accept", BROWSER_ACCEPT)
                .cookie(Cookies.SESSION, session)
                .get();
    }

    /** An answer posted as the desk's form would, with the session's CSRF token and a new event id. */
    private static Response answer(String session, String path, String type, String field, String value) {
        return EXT.client()
                .target(APP.url(path))
                .property(ClientProperties.FOLLOW_REDIRECTS, false)
                .request()
                .header("Accept", BROWSER_ACCEPT)
                .cookie(Cookies.SESSION, session)
                .post(Entity.form(new Form()
                        .param("_csrf", "csrf-" + DESK)
                        .param("eventId", UUID.randomUUID().toString())
                        .param("type", type)
                        .param(field, value)));
    }

    private static void screenshot(String name) throws IOException {
        Path png = Path.of("/tmp", name + ".png");
        Files.write(png, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static void waitUntil(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }
}
