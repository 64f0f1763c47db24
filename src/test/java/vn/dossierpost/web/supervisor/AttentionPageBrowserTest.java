package vn.dossierpost.web.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
import vn.dossierpost.support.Handovers;
import vn.dossierpost.support.ScriptedAgency;
import vn.dossierpost.support.TestApp;

/**
 * A handover the agency refused (400) is a dead letter: the supervisor finds it on "Cần xử lý" with
 * the agency's words, acknowledges it as given up, and sends it again with one button once the agency
 * has mended its side; a button pressed on a page gone stale is answered in words, not with a 500.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AttentionPageBrowserTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static final String CLERK = "clerk.attention";
    static final String SUPERVISOR = "giamsat";
    static final ScriptedAgency AGENCY = new ScriptedAgency();

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    static MockWebServer server;
    static WebDriver browser;

    @BeforeAll
    static void setUp() throws Exception {
        APP.addUser(CLERK, Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser("admin", Role.ADMIN, null, null);
        APP.addUser(SUPERVISOR, Role.SUPERVISOR, null, null);
        server = new MockWebServer();
        server.setDispatcher(AGENCY);
        server.start();
        Handovers.http(APP, "admin", Dossiers.AGENCY, server.url("/mot-cua/api").toString());
        browser = BROWSER.start("vi-VN,vi");
    }

    @AfterAll
    static void tearDown() {
        BROWSER.quit();
        server.close();
    }

    @Test
    void aDeadLetterIsSeenAcknowledgedAndSentAgain() throws Exception {
        AGENCY.then(400, "{\"message\":\"manifest.applicant.citizenId: định dạng không đúng\"}");
        String code = Handovers.digitised(APP, CLERK, 5);
        Handovers.awaitStatus(APP, code, "IN_TRANSIT_TO_AGENCY");
        String no = Handovers.handoversOf(APP, code).get(0);
        Handovers.await(
                () -> "FAILED".equals(Handovers.handoverState(APP, no)), Duration.ofSeconds(20), () -> "dead letter");

        signIn();
        browser.findElement(By.linkText("Cần xử lý")).click();
        WebElement dead = row("dead-letters", no);
        assertThat(dead.getText()).contains("định dạng không đúng").contains("HTTP");
        assertThat(row("given-up", "handover " + no).getText()).contains("Bàn giao");
        assertThat(APP.healthCheck("given-up")).containsEntry("healthy", false);
        save("supervisor-attention");

        // seen: off the given-up list, the health check green again; still a dead letter to send
        click(row("given-up", "handover " + no).findElement(By.cssSelector("button.acknowledge")));
        assertThat(browser.findElement(By.id("flash")).getText()).contains("đã xem");
        assertThat(browser.findElement(By.id("given-up")).getText()).doesNotContain(no);
        assertThat(APP.healthCheck("given-up")).containsEntry("healthy", true);

        // another supervisor sends it again first: this page's button is now stale
        assertThat(TestApp.status(
                        APP.as(SUPERVISOR, "/api/handovers/" + no + "/retry").post(Entity.json("{}"))))
                .isEqualTo(200);
        click(row("dead-letters", no).findElement(By.cssSelector("button.send-again")));
        assertThat(browser.findElement(By.id("refused")).getText())
                .contains("Không gửi lại được bàn giao " + no)
                .contains("only a FAILED handover");

        Handovers.awaitStatus(APP, code, "DELIVERED_TO_AGENCY");
        browser.get(APP.url("/supervisor/can-xu-ly"));
        assertThat(browser.findElement(By.id("dead-letters")).getText()).contains("Không có bàn giao nào thất bại.");
        assertThat(AGENCY.received()).hasSize(2);
    }

    @Test
    void theButtonSendsTheSameHandoverAgainUnderItsNumber() {
        AGENCY.then(400, "{\"message\":\"tạm thời không nhận\"}");
        String code = Handovers.digitised(APP, CLERK, 6);
        Handovers.awaitStatus(APP, code, "IN_TRANSIT_TO_AGENCY");
        String no = Handovers.handoversOf(APP, code).get(0);
        Handovers.await(
                () -> "FAILED".equals(Handovers.handoverState(APP, no)), Duration.ofSeconds(20), () -> "dead letter");

        signIn();
        browser.get(APP.url("/supervisor/can-xu-ly"));
        click(row("dead-letters", no).findElement(By.cssSelector("button.send-again")));
        assertThat(browser.findElement(By.id("flash")).getText()).contains("Đã gửi lại bàn giao " + no);
        Handovers.awaitStatus(APP, code, "DELIVERED_TO_AGENCY");
        assertThat(Handovers.handoversOf(APP, code)).containsExactly(no);
    }

    @Test
    void anOfficeRunningOutOfS10NumbersIsListedForANewSeries() throws Exception {
        APP.jdbi()
                .useHandle(h ->
                        h.execute("UPDATE s10_series SET next_serial = serial_to - 4 WHERE office_code = '180000'"));
        signIn();
        browser.get(APP.url("/supervisor/can-xu-ly"));
        WebElement low = row("s10-low", "Bưu cục Trung tâm Hải Phòng");
        assertThat(low.findElement(By.cssSelector(".remaining")).getText()).isEqualTo("5");
        assertThat(browser.findElement(By.id("s10-low")).getText())
                .contains("Sắp hết số hiệu bưu gửi (S10)")
                .contains("Còn dưới 10.000 số")
                .doesNotContain("Bưu cục Trung tâm Hà Nội");
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("s10-low")));
        save("supervisor-attention-s10");
    }

    /** A click on a button wherever the page has put it (a button half below the fold is not clicked by its middle). */
    private static void click(WebElement button) {
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button);
        button.click();
    }

    private static void signIn() {
        browser.manage().deleteAllCookies();
        browser.get(APP.url("/login?next=%2Ftrang-chu"));
        browser.findElement(By.id("username")).sendKeys(SUPERVISOR, Keys.TAB, TestApp.PASSWORD, Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlMatches(".*/trang-chu$"));
    }

    /** The row of list {@code id} that names {@code text}. */
    private static WebElement row(String id, String text) {
        return browser.findElement(By.id(id)).findElements(By.cssSelector("tbody tr")).stream()
                .filter(r -> r.getText().contains(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + text + " in #" + id + ": "
                        + browser.findElement(By.id(id)).getText()));
    }

    private static void save(String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target/screenshots"));
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
