package vn.dossierpost.web.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Browser;
import vn.dossierpost.support.ReportSeed;
import vn.dossierpost.support.TestApp;

/**
 * The supervisor's report page over the seeded quarter (ReportSeed): the figures the API counts, the
 * downloads the browser's session may fetch, and a period the report refuses shown on the form.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ReportPageBrowserTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    static WebDriver browser;

    @BeforeAll
    static void setUp() {
        APP.addUser("giamsat", Role.SUPERVISOR, null, null);
        APP.addUser("giamsat.sg", Role.SUPERVISOR, "700000", null);
        APP.jdbi().useTransaction(ReportSeed::seed);
        browser = BROWSER.start("vi-VN,vi", 1400, 1000);
    }

    @AfterAll
    static void tearDown() {
        BROWSER.quit();
    }

    @Test
    void theQuarterOnThePageWithItsDownloads() throws Exception {
        signIn("giamsat");
        browser.get(APP.url("/supervisor/bao-cao"));
        // the current quarter by default
        assertThat(browser.findElement(By.id("period")).getAttribute("value")).matches("\\d{4}-Q[1-4]");

        WebElement period = browser.findElement(By.id("period"));
        period.clear();
        period.sendKeys("2026-Q1");
        new Select(browser.findElement(By.id("kind"))).selectByValue("service");
        browser.findElement(By.cssSelector("#report-form button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlContains("period=2026-Q1"));

        assertThat(browser.findElement(By.id("report-period")).getText())
                .isEqualTo("Kỳ 2026-Q1: 01/01/2026 – 31/03/2026");
        assertThat(cells("volumes-office", "Tổng cộng")).containsExactly("", "Tổng cộng", "6", "5", "3", "1");
        assertThat(cells("revenue-office", "Tổng cộng"))
                .containsExactly(
                        "", "Tổng cộng", "6", "278.000", "20.000", "298.000", "1.135.000", "400.000", "56.000");
        assertThat(cells("timeliness-leg", "Trả kết quả cho người nhận"))
                .containsExactly("Trả kết quả cho người nhận", "3", "1", "2", "33,3", "0", "1", "1", "0");
        assertThat(cells("complaints-office", "Tổng cộng"))
                .containsExactly("", "Tổng cộng", "3", "1", "1", "0", "1", "0");
        save("report-q1");

        assertThat(browser.findElement(By.id("xlsx")).getAttribute("href"))
                .endsWith("/api/reports/service?from=2026-01-01&to=2026-03-31&format=xlsx");
        assertThat(fetch(browser.findElement(By.id("xlsx")).getAttribute("href")))
                .isEqualTo("200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(fetch(browser.findElement(By.id("pdf")).getAttribute("href")))
                .isEqualTo("200 application/pdf");
    }

    @Test
    void aPeriodTheReportRefusesIsShownOnTheForm() throws Exception {
        signIn("giamsat");
        browser.get(APP.url("/supervisor/bao-cao?kind=volumes&period=2026-Q9"));
        assertThat(browser.findElement(By.id("error")).getText()).startsWith("period: '2026-Q9' is not a period");
        assertThat(browser.findElement(By.id("period")).getAttribute("class")).contains("is-invalid");
        assertThat(browser.findElements(By.id("xlsx"))).isEmpty();
    }

    @Test
    void anOfficeSupervisorSeesTheirOffice() {
        signIn("giamsat.sg");
        browser.get(APP.url("/supervisor/bao-cao?kind=volumes&period=2026-Q1"));
        assertThat(browser.findElement(By.id("report-period")).getText()).endsWith("Bưu cục Trung tâm Sài Gòn");
        assertThat(browser.findElements(By.cssSelector("#volumes-office tbody tr")))
                .hasSize(2);
        assertThat(cells("volumes-office", "Tổng cộng")).containsExactly("", "Tổng cộng", "2", "1", "0", "1");
    }

    private static List<String> cells(String table, String text) {
        WebElement row = browser.findElements(By.cssSelector("#" + table + " tbody tr")).stream()
                .filter(r -> r.getText().contains(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError(text + " in " + table));
        return row.findElements(By.tagName("td")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** The status and content type the browser gets for {@code url}, with its own session. */
    private static String fetch(String url) {
        return (String) ((JavascriptExecutor) browser)
                .executeAsyncScript(
                        "var done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('content-type')));",
                        url);
    }

    private static void signIn(String username) {
        browser.manage().deleteAllCookies();
        browser.get(APP.url("/login?next=%2Fsupervisor"));
        browser.findElement(By.id("username")).sendKeys(username, Keys.TAB, TestApp.PASSWORD, Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlMatches(".*/supervisor$"));
    }

    private static void save(String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target/screenshots"));
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
