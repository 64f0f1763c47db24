package vn.dossierpost.web.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dossierpost.support.TestApp.json;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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
 * The supervisor's complaints page in Chromium: an overdue complaint marked, answered from the page
 * (an empty answer refused on the page), and a lost item's compensation recorded paid.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ComplaintsPageBrowserTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();

    @RegisterExtension
    static final Browser BROWSER_EXTENSION = new Browser();

    static WebDriver browser;
    static String complaint;
    static String incident;

    @BeforeAll
    static void setUp() {
        APP.addUser("thu.ngan", Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser("giamsat", Role.SUPERVISOR, null, null);
        String code;
        try (Response res = APP.post("thu.ngan", "/api/dossiers", Dossiers.judicialRecord())) {
            code = (String) json(res).get("code");
        }
        try (Response res = APP.post(
                "thu.ngan",
                "/api/complaints",
                Map.of(
                        "dossier", code,
                        "complainant", "APPLICANT",
                        "name", Dossiers.NAME,
                        "channel", "PHONE",
                        "content", "Đã quá ngày hẹn mà chưa có thông báo."))) {
            complaint = (String) json(res).get("number");
        }
        try (Response res = APP.post(
                "thu.ngan",
                "/api/incidents",
                Map.of(
                        "dossier", code,
                        "leg", "OUTBOUND",
                        "kind", "LOST",
                        "foundBy", "Tổ khai thác",
                        "foundWhere", "Trung tâm khai thác Hà Nội",
                        "description", "Túi hồ sơ không có trong chuyến thư."))) {
            incident = (String) json(res).get("number");
        }
        APP.jdbi()
                .useHandle(h -> h.execute(
                        "UPDATE complaint SET answer_due = current_date - 1 WHERE id = ?",
                        Long.parseLong(complaint.substring(3))));
        browser = BROWSER_EXTENSION.start("vi-VN,vi", 1366, 900);
        browser.get(APP.url("/login?next=%2Fsupervisor%2Fkhieu-nai"));
        browser.findElement(By.id("username")).sendKeys("giamsat", Keys.TAB, TestApp.PASSWORD, Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.urlContains("/supervisor/khieu-nai"));
    }

    @AfterAll
    static void tearDown() {
        BROWSER_EXTENSION.quit();
    }

    @Test
    void anOverdueComplaintIsMarkedAndAnsweredFromThePage() throws Exception {
        browser.get(APP.url("/supervisor/khieu-nai?qua-han=true"));
        WebElement row = browser.findElement(By.cssSelector("#complaints tr[data-number='" + complaint + "']"));
        assertThat(row.getAttribute("class")).contains("table-danger");
        assertThat(row.getText()).contains("quá hạn", Dossiers.NAME, "Đã quá ngày hẹn");
        save("supervisor-complaints");

        submit(
                By.cssSelector("#answer-" + complaint + " button"),
                "document.getElementById('answer-text-" + complaint + "').removeAttribute('required')");
        assertThat(browser.findElement(By.id("action-error")).getText()).contains("Xin ghi nội dung trả lời");

        browser.findElement(By.id("answer-text-" + complaint)).sendKeys("Bưu điện xin lỗi; kết quả đã về bưu cục.");
        submit(By.cssSelector("#answer-" + complaint + " button"), null);
        WebElement answered = browser.findElement(By.cssSelector("#complaints tr[data-number='" + complaint + "']"));
        assertThat(answered.getText()).contains("Đã trả lời", "Bưu điện xin lỗi");
        assertThat(browser.findElements(By.id("answer-" + complaint))).isEmpty();
    }

    @Test
    void aLostItemsCompensationIsRecordedPaid() {
        browser.get(APP.url("/supervisor/khieu-nai"));
        WebElement row = browser.findElement(By.cssSelector("#incidents tr[data-number='" + incident + "']"));
        assertThat(row.getText()).contains("Thất lạc", "Hồ sơ đến cơ quan", "112.000 đ");
        submit(By.id("paid-" + incident), null);
        assertThat(browser.findElement(By.cssSelector("#incidents tr[data-number='" + incident + "']"))
                        .getText())
                .contains("Đã trả (giamsat)");
    }

    /** Presses the button (after {@code script}, if any) and waits for the page that answers it. */
    private static void submit(By button, String script) {
        WebElement old = browser.findElement(By.tagName("html"));
        if (script != null) {
            ((JavascriptExecutor) browser).executeScript(script);
        }
        WebElement b = browser.findElement(button);
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", b);
        Browser.toNextPage(browser, b::click);
    }

    private static void save(String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target/screenshots"));
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
