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
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Browser;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.TestApp;

/**
 * The supervisor's dashboard against seeded data: its tables say what the database says (counted
 * here with the test's own SQL), its charts draw exactly the tables' numbers, and a supervisor bound
 * to office A sees office A only.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DashboardBrowserTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    static WebDriver browser;
    static String[] a = new String[4];
    static String[] b = new String[2];

    @BeforeAll
    static void setUp() {
        APP.addUser("clerk.a", Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser("clerk.b", Role.COUNTER, Dossiers.OTHER_OFFICE, null);
        APP.addUser("giamsat", Role.SUPERVISOR, null, null);
        APP.addUser("giamsat.a", Role.SUPERVISOR, Dossiers.OFFICE, null);
        for (int i = 0; i < a.length; i++) {
            a[i] = intake("clerk.a");
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = intake("clerk.b");
        }
        APP.jdbi().useHandle(h -> {
            // a[1] taken in three days ago; b[1] forty days ago, outside the thirty days shown
            h.execute("UPDATE dossier SET received_at = received_at - interval '3 days' WHERE code = ?", a[1]);
            h.execute("UPDATE dossier SET received_at = received_at - interval '40 days' WHERE code = ?", b[1]);
            // to the agency: a[0] on its due date, a[1] two days late, b[0] on time
            event(h, a[0], "DELIVERED_TO_AGENCY", "handover_due");
            event(h, a[1], "DELIVERED_TO_AGENCY", "handover_due + 2");
            event(h, b[0], "DELIVERED_TO_AGENCY", "handover_due - 1");
            // at the agency: a[0]'s result on time, a[1] refused a day late
            event(h, a[0], "RESULT_READY", "result_due");
            event(h, a[1], "REFUSED", "result_due + 1");
            // back to the applicant: a[0] delivered at the first attempt, on time; a[2]'s result held at A
            event(h, a[0], "DELIVERED", "return_due");
            h.execute("UPDATE dossier SET status = 'DELIVERED' WHERE code = ?", a[0]);
            h.execute("UPDATE dossier SET status = 'HELD_AT_OFFICE' WHERE code = ?", a[2]);
            // two ratings of office A's judicial records (5 and 4), one of B's given forty days ago
            h.execute(
                    "INSERT INTO rating (dossier_id, score, rated_at) SELECT id, 5, now() FROM dossier WHERE code = ?",
                    a[0]);
            h.execute(
                    "INSERT INTO rating (dossier_id, score, rated_at) SELECT id, 4, now() FROM dossier WHERE code = ?",
                    a[1]);
            h.execute(
                    "INSERT INTO rating (dossier_id, score, rated_at) SELECT id, 1, now() - interval '40 days' "
                            + "FROM dossier WHERE code = ?",
                    b[0]);
            for (String code : new String[] {a[0], a[2]}) {
                h.execute(
                        "INSERT INTO delivery (dossier_id, s10_number, office_code, method, commune_code, arrived_at, "
                                + "failed_attempts) SELECT id, 'EH' || lpad(id::text, 8, '0') || '0VN', office_code, 'HOME', '00070', now(), "
                                + "CASE WHEN code = ? THEN 0 ELSE 2 END FROM dossier WHERE code = ?",
                        a[0],
                        code);
            }
        });
        browser = BROWSER.start("vi-VN,vi");
    }

    @AfterAll
    static void tearDown() {
        BROWSER.quit();
    }

    private static String intake(String clerk) {
        var response = APP.post(clerk, "/api/dossiers", Dossiers.judicialRecord());
        assertThat(response.getStatus()).isEqualTo(201);
        return (String) TestApp.json(response).get("code");
    }

    /** A status reached at noon, Hà Nội time, of the day {@code dateExpression} (of the dossier's own columns). */
    private static void event(org.jdbi.v3.core.Handle h, String code, String status, String dateExpression) {
        h.execute(
                "INSERT INTO dossier_event (dossier_id, type, to_status, at, actor) SELECT id, 'STATUS', ?, "
                        + "((" + dateExpression
                        + ")::timestamp + time '12:00') AT TIME ZONE 'Asia/Ho_Chi_Minh', 'test' "
                        + "FROM dossier WHERE code = ?",
                status,
                code);
    }

    @Test
    void theTablesSayWhatTheDatabaseSaysAndTheChartsDrawTheTables() throws Exception {
        signIn("giamsat");
        assertThat(browser.getCurrentUrl()).endsWith("/supervisor");
        assertThat(browser.findElement(By.id("scope")).getText())
                .contains("30 ngày")
                .contains("toàn mạng lưới");

        // intake per day and office, against the database's own count of the last thirty days
        long inPeriod = APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM dossier WHERE received_at >= "
                                + "(date_trunc('day', now() AT TIME ZONE 'Asia/Ho_Chi_Minh') - interval '29 days') "
                                + "AT TIME ZONE 'Asia/Ho_Chi_Minh'")
                        .mapTo(Long.class)
                        .one());
        assertThat(inPeriod).isEqualTo(5);
        List<WebElement> intake = browser.findElements(By.cssSelector("#intake tbody tr"));
        assertThat(intake.stream()
                        .mapToLong(r -> Long.parseLong(r.getAttribute("data-count")))
                        .sum())
                .isEqualTo(inPeriod);
        assertThat(intake).hasSize(3); // A today, A three days ago, B today
        assertThat(
                        script(
                                "var c = document.querySelector('canvas[data-table=intake]').chart;"
                                        + "return c.data.datasets.map(d => d.data.reduce((x, y) => x + y, 0)).reduce((x, y) => x + y, 0);"))
                .isEqualTo(inPeriod);
        assertThat(script("return document.querySelector('canvas[data-table=intake]').chart.data.datasets.length;"))
                .isEqualTo(2L);
        assertThat(script("return document.querySelector('canvas[data-table=intake]').chart.data.labels.length;"))
                .as("every day of the thirty, days without intake too")
                .isEqualTo(30L);

        // legs: office A's two handovers, one on time; its agency's answers, one on time; one delivery, on time
        WebElement officeA = row("legs-office", "Bưu cục Trung tâm Hà Nội");
        assertThat(cells(officeA))
                .containsExactly("Bưu cục Trung tâm Hà Nội", "2", "1 (50 %)", "2", "1 (50 %)", "1", "1 (100 %)");
        assertThat(cells(row("legs-office", "Bưu cục Trung tâm Sài Gòn")))
                .containsExactly("Bưu cục Trung tâm Sài Gòn", "1", "1 (100 %)", "0", "0 (—)", "0", "0 (—)");
        assertThat(script(
                        "return document.querySelector('canvas[data-table=legs-office]').chart.data.datasets[0].data;"))
                .asList()
                .containsExactly(50L, 100L);

        // results brought back: one at the first attempt, one held
        assertThat(browser.findElement(By.id("deliveries")).getText())
                .contains("Phát được lần đầu 1")
                .contains("Lưu tại bưu cục 1")
                .contains("Chuyển hoàn về cơ quan 0");
        assertThat(browser.findElement(By.id("backlog")).getText()).contains("Bàn giao thất bại 0");
        assertThat(browser.findElements(By.cssSelector("#satisfaction tbody tr")))
                .extracting(WebElement::getText)
                .containsExactly(
                        "Bưu cục Trung tâm Hà Nội Cấp Phiếu lý lịch tư pháp số 1 cho công dân Việt Nam 2 4,50");
        save("supervisor-dashboard");
        script("document.getElementById('legs-office').scrollIntoView()");
        save("supervisor-dashboard-legs");
        script("document.getElementById('satisfaction').scrollIntoView({block: 'end', behavior: 'instant'})");
        save("supervisor-dashboard-end");
    }

    @Test
    void aSupervisorBoundToAnOfficeSeesThatOfficeOnly() {
        signIn("giamsat.a");
        assertThat(browser.findElement(By.id("scope")).getText()).contains("Bưu cục Trung tâm Hà Nội");
        assertThat(browser.findElements(By.cssSelector("#intake tbody tr")))
                .allSatisfy(r -> assertThat(r.getText()).contains("Bưu cục Trung tâm Hà Nội"));
        assertThat(browser.findElements(By.cssSelector("#legs-office tbody tr")))
                .hasSize(1);
        assertThat(browser.findElements(By.id("backlog")))
                .as("the network's backlog is not an office's")
                .isEmpty();
        assertThat(browser.findElements(By.linkText("Cần xử lý"))).isEmpty();
    }

    @Test
    void theNavigationLeadsToTheOverdueListAndTheDigitisationReport() throws Exception {
        APP.jdbi().useHandle(h -> h.execute("UPDATE dossier SET handover_due = current_date - 2 WHERE code = ?", a[3]));
        signIn("giamsat");
        browser.findElement(By.linkText("Quá hạn")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Hồ sơ quá hạn");
        assertThat(row("overdue", a[3]).getText()).contains("Bưu điện", "Chuyển đến cơ quan");
        save("supervisor-overdue");
        browser.findElement(By.linkText("Số hóa")).click();
        assertThat(browser.findElements(By.cssSelector("#by-office tbody tr"))).hasSize(2);
        save("supervisor-digitisation");
    }

    private static Object script(String js) {
        return ((JavascriptExecutor) browser).executeScript(js);
    }

    private static WebElement row(String table, String text) {
        return browser.findElements(By.cssSelector("#" + table + " tbody tr")).stream()
                .filter(r -> r.getText().contains(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + text + " in #" + table));
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream()
                .map(WebElement::getText)
                .toList();
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
