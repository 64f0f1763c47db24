package vn.dossierpost.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Browser;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.Results;
import vn.dossierpost.support.TestApp;

/**
 * The counter's side of the return leg in one browser: the clerk of the office serving the agency
 * collects a result (a wrong number of copies refused first) and prints its return slip; the clerk
 * of the delivering office scans the item in (typed, then Enter, as a barcode scanner does), sees it
 * go to the courier of its commune, gives it to another by hand, and is told why it cannot change
 * hands once that courier is out with it; a second item, for collection at the office, is held there
 * and handed over at the counter — a wrong ID number refused with the service's words, then the
 * right one.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ReturnLegBrowserTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    private static final Client CLIENT = ClientBuilder.newClient();
    /** The office serving the judicial records department: Hà Đông. */
    static final String COLLECTOR = "thu.hadong";

    static final String CLERK = "lan";
    static final String COURIER = "buuta.an";
    static final String OTHER_COURIER = "buuta.binh";

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    static WebDriver browser;
    static String home;
    static String atOffice;

    @BeforeAll
    static void setUp() {
        APP.addUser(COLLECTOR, Role.COUNTER, "152000", null);
        APP.addUser(CLERK, Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser(COURIER, Role.COURIER, Dossiers.OFFICE, null);
        APP.addUser(OTHER_COURIER, Role.COURIER, Dossiers.OFFICE, null);
        String agency = APP.addTokenUser("stp-hanoi", Role.AGENCY, null, Dossiers.AGENCY);
        try (Response r = APP.as(CLERK, "/api/couriers/" + COURIER + "/communes")
                .put(Entity.json(Map.of("communes", List.of("00070"))))) {
            assertThat(r.getStatus()).isEqualTo(200);
        }
        home = Results.ready(APP, CLERK, agency, Dossiers.judicialRecord(), "LLTP-2026/0000101");
        Map<String, Object> collect = Dossiers.judicialRecord();
        collect.put("delivery", new HashMap<>(Map.of("method", "PICKUP_AT_OFFICE")));
        atOffice = Results.ready(APP, CLERK, agency, collect, "LLTP-2026/0000102");
        browser = BROWSER.start("vi-VN,vi");
    }

    @AfterAll
    static void tearDown() {
        BROWSER.quit();
        CLIENT.close();
    }

    @Test
    void collectionSlipArrivalCourierAndTheHandOverAtTheCounter() throws Exception {
        // the collecting clerk: from today's list to the pickups, the form refused once, then the slip
        signIn(COLLECTOR);
        assertThat(codes(By.cssSelector("#today-pickups a.dossier-link"), "href"))
                .contains(APP.url("/counter/nhan-ket-qua/" + home));
        browser.findElement(By.id("today-pickups-page")).click();
        waitUntil(d -> d.getCurrentUrl().endsWith("/counter/nhan-ket-qua"));
        assertThat(codes(By.cssSelector("#pickups tr[data-code]"), "data-code")).contains(home, atOffice);
        browser.findElement(By.cssSelector("tr[data-code='" + home + "'] .collect-link"))
                .click();
        waitUntil(d -> !d.findElements(By.id("collection-form")).isEmpty());
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("name-0");
        browser.switchTo()
                .activeElement()
                .sendKeys("Phiếu lý lịch tư pháp số 1", Keys.TAB, Keys.TAB, Keys.chord(Keys.CONTROL, "a"), "2");
        new Select(browser.findElement(By.id("kind-1"))).selectByValue("ORIGINAL_RETURNED");
        browser.findElement(By.id("name-1")).sendKeys("Bản chính giấy khai sinh");
        browser.findElement(By.id("copies-1")).clear();
        browser.findElement(By.id("copies-1")).sendKeys("không");
        browser.findElement(By.id("agencyOfficer")).sendKeys("Trần Văn Bình");
        browser.findElement(By.id("collect")).click();
        waitUntil(d -> !d.findElements(By.id("copies-1-error")).isEmpty());
        assertThat(text("copies-1-error")).contains("between 1 and 100");
        assertThat(browser.findElement(By.id("name-1")).getAttribute("value")).isEqualTo("Bản chính giấy khai sinh");
        assertThat(count("SELECT count(*) FROM delivery")).isZero();
        browser.findElement(By.id("copies-1")).clear();
        browser.findElement(By.id("copies-1")).sendKeys("1", Keys.ENTER);
        waitUntil(d -> !d.findElements(By.id("print-return-slip")).isEmpty());
        String s10 = text("collected-s10");
        assertThat(text("flash")).contains(home, s10);
        WebElement print = browser.findElement(By.id("print-return-slip"));
        assertThat(print.getAttribute("target")).isEqualTo("_blank");
        String slip = pdfText(fetch(print.getAttribute("href")));
        assertThat(slip).contains(s10, "Trần Văn Bình", "Phiếu lý lịch tư pháp số 1");
        assertThat(codes(By.cssSelector("#pickups tr[data-code]"), "data-code")).doesNotContain(home);
        String heldS10 = collect(atOffice);

        // the delivering office: the item scanned in, to the commune's courier, then to another by hand
        signIn(CLERK);
        browser.findElement(By.linkText("Đến và phát")).click();
        waitUntil(d -> d.getCurrentUrl().endsWith("/counter/buu-gui"));
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("s10");
        browser.switchTo().activeElement().sendKeys(s10, Keys.ENTER);
        waitUntil(d -> !d.findElements(By.id("flash")).isEmpty());
        assertThat(text("flash")).contains(s10, COURIER);
        assertThat(courierShown(s10)).isEqualTo(COURIER);
        assertThat(courierOf(s10)).isEqualTo(COURIER);
        new Select(browser.findElement(By.id("courier-" + s10))).selectByValue(OTHER_COURIER);
        browser.findElement(By.cssSelector("tr[data-s10='" + s10 + "'] button.assign"))
                .click();
        waitUntil(d -> courierShown(s10).equals(OTHER_COURIER));
        assertThat(courierOf(s10)).isEqualTo(OTHER_COURIER);

        // the courier goes out with it while the clerk's page still offers the choice: refused, in the service's words
        try (Response out = APP.post(
                OTHER_COURIER,
                "/api/deliveries/" + s10 + "/attempts",
                Map.of("clientAttemptId", "p1", "outcome", "OUT_FOR_DELIVERY"))) {
            assertThat(out.getStatus()).isEqualTo(200);
        }
        new Select(browser.findElement(By.id("courier-" + s10))).selectByValue(COURIER);
        browser.findElement(By.cssSelector("tr[data-s10='" + s10 + "'] button.assign"))
                .click();
        waitUntil(d -> !d.findElements(By.id("refusal")).isEmpty());
        assertThat(text("refusal")).contains(s10, "OUT_FOR_DELIVERY: no courier takes it now");
        assertThat(courierOf(s10)).isEqualTo(OTHER_COURIER);

        // the item for collection at the office: held, the return to the agency not open yet, handed over
        browser.findElement(By.id("s10")).sendKeys(heldS10, Keys.ENTER);
        waitUntil(d -> !d.findElements(By.id("flash")).isEmpty());
        assertThat(text("flash")).contains(heldS10, "lưu tại bưu cục");
        browser.findElement(By.linkText("Lưu tại BC")).click();
        waitUntil(d -> d.getCurrentUrl().endsWith("/luu-giu"));
        WebElement row = browser.findElement(By.cssSelector("#held tr[data-s10='" + heldS10 + "']"));
        String until = row.findElement(By.cssSelector(".held-until")).getText();
        assertThat(until).matches("\\d{2}/\\d{2}/\\d{4}");
        WebElement giveBack = row.findElement(By.cssSelector("button.return-to-agency"));
        assertThat(giveBack.isEnabled()).isFalse();
        assertThat(giveBack.getText()).contains(until);
        row.findElement(By.cssSelector(".hand-over-link")).click();
        waitUntil(d -> !d.findElements(By.id("hand-over")).isEmpty());
        assertThat(browser.findElement(By.id("recipientName")).getAttribute("value"))
                .isEqualTo(Dossiers.NAME);
        browser.findElement(By.id("idNumber")).sendKeys("001190999999", Keys.ENTER);
        waitUntil(d -> !d.findElements(By.id("idNumber-error")).isEmpty());
        assertThat(text("idNumber-error")).contains("does not match the applicant's");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("idNumber");
        assertThat(status(atOffice)).isEqualTo("HELD_AT_OFFICE");
        WebElement id = browser.findElement(By.id("idNumber"));
        id.clear();
        id.sendKeys(Dossiers.CITIZEN_ID, Keys.ENTER);
        waitUntil(d -> "DELIVERED".equals(d.findElement(By.id("status")).getAttribute("data-status")));
        assertThat(text("flash")).contains("Đã trao kết quả", Dossiers.NAME);
        assertThat(status(atOffice)).isEqualTo("DELIVERED");
        assertThat(count("SELECT count(*) FROM delivery_attempt a JOIN delivery l ON l.dossier_id = a.dossier_id "
                        + "WHERE l.s10_number = '" + heldS10 + "' AND a.outcome = 'DELIVERED' AND a.at_counter "
                        + "AND a.id_last4 = '3456'"))
                .isEqualTo(1);
    }

    /** Signs in (out first, when someone is): lands on the clerk's today page. */
    private static void signIn(String username) {
        if (!browser.findElements(By.id("logout")).isEmpty()) {
            browser.findElement(By.id("logout")).click();
            waitUntil(d -> d.findElements(By.id("logout")).isEmpty());
        }
        browser.get(APP.url("/login"));
        browser.findElement(By.id("username")).sendKeys(username, Keys.TAB, TestApp.PASSWORD, Keys.ENTER);
        waitUntil(d -> d.getCurrentUrl().endsWith("/counter"));
    }

    /** The second pickup, collected over the API: the page's part is shown once above. */
    private static String collect(String code) {
        try (Response r = APP.post(
                COLLECTOR,
                "/api/dossiers/" + code + "/collection",
                Map.of(
                        "items",
                        List.of(Map.of("name", "Phiếu lý lịch tư pháp số 1", "kind", "RESULT", "copies", 1))))) {
            assertThat(r.getStatus()).isEqualTo(201);
            return (String) TestApp.json(r).get("s10Number");
        }
    }

    private static String courierShown(String s10) {
        return browser.findElement(By.cssSelector("tr[data-s10='" + s10 + "'] .courier"))
                .getText();
    }

    private static String courierOf(String s10) {
        return APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT courier FROM delivery WHERE s10_number = :s")
                        .bind("s", s10)
                        .mapTo(String.class)
                        .one());
    }

    private static String status(String code) {
        return APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT status FROM dossier WHERE code = :c")
                        .bind("c", code)
                        .mapTo(String.class)
                        .one());
    }

    private static List<String> codes(By rows, String attribute) {
        return browser.findElements(rows).stream()
                .map(r -> r.getAttribute(attribute))
                .toList();
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static long count(String sql) {
        return APP.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** What the browser's session gets at {@code url}. */
    private static byte[] fetch(String url) {
        try (Response response = CLIENT.target(url)
                .request()
                .cookie(
                        Cookies.SESSION,
                        browser.manage().getCookieNamed(Cookies.SESSION).getValue())
                .get()) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getMediaType().toString()).startsWith("application/pdf");
            return response.readEntity(byte[].class);
        }
    }

    private static void waitUntil(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }
}
