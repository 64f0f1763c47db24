package vn.dossierpost.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Browser;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.TestApp;

/**
 * The counter's "today" page and the dossier search, each row a link to the dossier's page; a clerk
 * of office A never sees office B's dossiers, even for the same applicant (same CCCD, phone, name).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CounterTodayBrowserTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    static WebDriver browser;
    /** Office A's dossiers in order of intake: RECEIVED, SUPPLEMENT_REQUESTED, pickup open, HELD_AT_OFFICE, another name. */
    static final List<Map<String, Object>> A = new ArrayList<>();

    static Map<String, Object> otherOffice;

    @BeforeAll
    static void setUp() {
        APP.addUser("clerk.a", Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser("clerk.b", Role.COUNTER, Dossiers.OTHER_OFFICE, null);
        for (int i = 0; i < 4; i++) {
            A.add(intake("clerk.a", Dossiers.NAME));
        }
        A.add(intake("clerk.a", "Trần Văn Đức"));
        otherOffice = intake("clerk.b", Dossiers.NAME);
        APP.jdbi().useHandle(h -> {
            h.execute("UPDATE dossier SET status = 'SUPPLEMENT_REQUESTED' WHERE code = ?", code(1));
            h.execute("UPDATE dossier SET status = 'RESULT_READY' WHERE code = ?", code(2));
            h.execute(
                    "INSERT INTO pickup (dossier_id, office_code, agency_code, kind, result_reference, created_at) "
                            + "SELECT id, ?, agency_code, 'RESULT', 'LLTP-2026/0001', now() FROM dossier WHERE code = ?",
                    Dossiers.OFFICE,
                    code(2));
            h.execute("UPDATE dossier SET status = 'HELD_AT_OFFICE' WHERE code = ?", code(3));
            h.execute(
                    "INSERT INTO delivery (dossier_id, s10_number, office_code, method, commune_code, arrived_at, "
                            + "failed_attempts, held_until) SELECT id, 'EH000000019VN', ?, 'HOME', '00070', now(), 2, "
                            + "current_date + 5 FROM dossier WHERE code = ?",
                    Dossiers.OFFICE,
                    code(3));
            // office B's dossier waits in every list too: none of it may show at office A
            h.execute("UPDATE dossier SET status = 'SUPPLEMENT_REQUESTED' WHERE code = ?", otherOffice.get("code"));
        });
        browser = BROWSER.start("vi-VN,vi");
    }

    @AfterAll
    static void tearDown() {
        BROWSER.quit();
    }

    static Map<String, Object> intake(String clerk, String name) {
        Map<String, Object> body = Dossiers.judicialRecord();
        Dossiers.applicant(body).put("fullName", name);
        var response = APP.post(clerk, "/api/dossiers", body);
        assertThat(response.getStatus()).isEqualTo(201);
        return TestApp.json(response);
    }

    static String code(int i) {
        return (String) A.get(i).get("code");
    }

    static void signIn(String username) {
        browser.manage().deleteAllCookies();
        browser.get(APP.url("/login?next=%2Fcounter"));
        browser.findElement(By.id("username")).sendKeys(username, Keys.TAB, TestApp.PASSWORD, Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlMatches(".*/counter$"));
    }

    static List<String> codesIn(String id) {
        return browser.findElement(By.id(id)).findElements(By.cssSelector("a.dossier-link")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** Searches from the form; the answer is a new page, read only once it has replaced the form's. */
    static void search(String text) {
        WebElement q = browser.findElement(By.id("search-q"));
        q.clear();
        Browser.toNextPage(browser, () -> q.sendKeys(text, Keys.ENTER));
    }

    @Test
    @Order(1)
    void todayListsWhatWaitsAtTheClerksOfficeOnly() throws Exception {
        signIn("clerk.a");
        assertThat(browser.getCurrentUrl()).endsWith("/counter");
        assertThat(browser.findElement(By.id("greeting")).getText()).startsWith("Xin chào");
        assertThat(browser.findElement(By.id("office")).getText()).isEqualTo("Bưu cục Trung tâm Hà Nội");

        assertThat(codesIn("today-received")).containsExactly(code(4), code(3), code(2), code(1), code(0));
        assertThat(codesIn("today-scans-missing")).containsExactly(code(0), code(4));
        assertThat(codesIn("today-supplements")).containsExactly(code(1));
        assertThat(codesIn("today-pickups")).containsExactly(code(2));
        assertThat(codesIn("today-held")).containsExactly(code(3));
        assertThat(browser.findElement(By.id("today-held")).getText())
                .contains("Phát không thành công 2 lần", Dossiers.NAME);
        assertThat(browser.findElement(By.id("today-pickups")).getText()).contains("LLTP-2026/0001");
        assertThat(browser.getPageSource()).doesNotContain((String) otherOffice.get("code"));
        save("counter-today");

        Browser.toNextPage(
                browser,
                () -> browser.findElement(By.id("today-supplements"))
                        .findElement(By.linkText(code(1)))
                        .sendKeys(Keys.ENTER));
        assertThat(browser.getCurrentUrl()).endsWith("/counter/ho-so/" + code(1));
    }

    @Test
    @Order(2)
    void searchFindsByCodeS10CitizenIdPhoneAndNameWithoutDiacritics() throws Exception {
        signIn("clerk.a");
        browser.get(APP.url("/counter/ho-so"));
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("search-q");

        // a code or an S10 number names one dossier: straight to it
        search(code(2).toLowerCase());
        assertThat(browser.getCurrentUrl()).endsWith("/counter/ho-so/" + code(2));
        browser.get(APP.url("/counter/ho-so"));
        search((String) A.get(3).get("s10Number"));
        assertThat(browser.getCurrentUrl()).endsWith("/counter/ho-so/" + code(3));

        browser.get(APP.url("/counter/ho-so"));
        search(Dossiers.CITIZEN_ID);
        assertThat(codesIn("search-results")).containsExactly(code(4), code(3), code(2), code(1), code(0));
        assertThat(browser.findElement(By.id("search-kind")).getText()).isEqualTo("Tìm theo số CCCD");

        search("+84 912 345 678");
        assertThat(codesIn("search-results")).hasSize(5).doesNotContain((String) otherOffice.get("code"));

        search("tran van duc");
        assertThat(codesIn("search-results")).containsExactly(code(4));
        search("HONG NHUNG");
        assertThat(codesIn("search-results")).containsExactly(code(3), code(2), code(1), code(0));
        save("counter-search");

        // another office's dossier by its code or S10 number: as if there were none
        search((String) otherOffice.get("code"));
        assertThat(browser.findElement(By.id("search-results")).getText()).isEqualTo("Không tìm thấy hồ sơ nào.");
        search((String) otherOffice.get("s10Number"));
        assertThat(browser.findElement(By.id("search-results")).getText()).isEqualTo("Không tìm thấy hồ sơ nào.");
    }

    @Test
    @Order(3)
    void searchPagesNewestFirstWithTheLastIdShown() {
        signIn("clerk.a");
        browser.get(APP.url("/counter/ho-so?n=2&q=" + Dossiers.CITIZEN_ID));
        assertThat(codesIn("search-results")).containsExactly(code(4), code(3));
        Browser.toNextPage(
                browser, () -> browser.findElement(By.id("next-page")).click());
        assertThat(codesIn("search-results")).containsExactly(code(2), code(1));
        Browser.toNextPage(
                browser, () -> browser.findElement(By.id("next-page")).click());
        assertThat(codesIn("search-results")).containsExactly(code(0));
        assertThat(browser.getPageSource()).doesNotContain("id=\"next-page\"");
    }

    @Test
    @Order(4)
    void whatIsNotUnderstoodIsSaidBesideTheField() throws Exception {
        signIn("clerk.a");
        browser.get(APP.url("/counter/ho-so"));
        search("12345");
        assertThat(browser.findElement(By.id("search-q-error")).getText()).contains("Không nhận ra «12345»");
        search("999190123456");
        assertThat(browser.findElement(By.id("search-q-error")).getText()).startsWith("Số CCCD «999190123456»");
        assertThat(browser.findElement(By.id("search-q")).getAttribute("value")).isEqualTo("999190123456");
        save("counter-search-error");
    }

    @Test
    @Order(5)
    void theOtherOfficesClerkSeesOnlyTheirs() {
        signIn("clerk.b");
        browser.get(APP.url("/counter/ho-so?q=" + Dossiers.CITIZEN_ID));
        assertThat(codesIn("search-results")).containsExactly((String) otherOffice.get("code"));
        browser.get(APP.url("/counter"));
        assertThat(codesIn("today-received")).containsExactly((String) otherOffice.get("code"));
        assertThat(codesIn("today-supplements")).containsExactly((String) otherOffice.get("code"));
        assertThat(browser.findElement(By.id("today-scans-missing")).getText()).contains("Không có hồ sơ nào");
    }

    private static void save(String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target/screenshots"));
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
