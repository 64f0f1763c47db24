package vn.dossierpost.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Browser;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.TestApp;

/**
 * The counter's "Sửa thông tin liên hệ" form on the dossier page, in a real browser: prefilled,
 * a wrong phone refused beside the field with what was typed kept, then saved and shown on the
 * timeline as old → new; after handover the form is gone and a stale one is refused in words.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CorrectionPageBrowserTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    static WebDriver browser;

    @BeforeAll
    static void setUp() {
        APP.addUser("clerk", Role.COUNTER, Dossiers.OFFICE, null);
        browser = BROWSER.start("vi-VN,vi");
        browser.get(APP.url("/login"));
        browser.findElement(By.id("username")).sendKeys("clerk");
        browser.findElement(By.id("password")).sendKeys(TestApp.PASSWORD, Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.id("signed-in")).size() == 1);
    }

    @AfterAll
    static void tearDown() {
        BROWSER.quit();
    }

    @Test
    void aWrongPhoneIsRefusedBesideTheFieldThenTheCorrectionIsSavedOnTheTimeline() {
        String code = takeIn();
        browser.get(APP.url("/counter/ho-so/" + code));
        click(By.cssSelector("#correction-area summary"));
        assertThat(value("correct-fullName")).isEqualTo(Dossiers.NAME);
        assertThat(value("correct-phone")).isEqualTo(Dossiers.PHONE);
        assertThat(value("correct-deliveryCommuneCode")).isEqualTo("00070");

        replace("correct-fullName", "Nguyễn Thị Hồng Nhung Anh");
        replace("correct-phone", "12345");
        submit();
        assertThat(browser.findElement(By.id("correct-phone-error")).getText()).contains("Số điện thoại di động");
        assertThat(browser.findElement(By.id("correct-reason-error")).getText()).contains("Xin ghi lý do sửa");
        assertThat(value("correct-fullName")).as("what was typed is kept").isEqualTo("Nguyễn Thị Hồng Nhung Anh");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("correct-phone");
        screenshot("correction-refused");

        replace("correct-phone", "0987 654 321");
        replace("correct-reason", "Người nộp báo gõ sai tên và số điện thoại");
        submit();
        assertThat(browser.findElement(By.id("flash")).getText())
                .isEqualTo("Đã sửa thông tin liên hệ của hồ sơ " + code + ".");
        assertThat(browser.findElement(By.id("applicant")).getText()).isEqualTo("Nguyễn Thị Hồng Nhung Anh");
        assertThat(browser.findElement(By.id("phone")).getText()).isEqualTo("0987654321");
        assertThat(browser.findElement(By.id("timeline")).getText())
                .contains(
                        "Sửa thông tin liên hệ",
                        "Người nộp báo gõ sai tên và số điện thoại",
                        "Họ tên: " + Dossiers.NAME + " → Nguyễn Thị Hồng Nhung Anh",
                        "Điện thoại: " + Dossiers.PHONE + " → 0987654321");
        click(By.cssSelector("#correction-area summary"));
        screenshot("correction-saved");
    }

    @Test
    void afterHandoverTheFormIsGoneAndAStaleOneIsRefusedInWords() {
        String code = takeIn();
        browser.get(APP.url("/counter/ho-so/" + code));
        click(By.cssSelector("#correction-area summary"));
        APP.jdbi().useHandle(h -> h.execute("UPDATE dossier SET status = 'IN_TRANSIT_TO_AGENCY' WHERE code = ?", code));
        replace("correct-phone", "0911111111");
        replace("correct-reason", "Gõ sai số");
        submit();
        assertThat(browser.findElement(By.id("action-error")).getText())
                .contains("Không sửa được", "Đang chuyển đến cơ quan giải quyết", "bổ sung");
        assertThat(browser.findElements(By.id("correction-area"))).isEmpty();
        assertThat(browser.findElement(By.id("phone")).getText()).isEqualTo(Dossiers.PHONE);
        screenshot("correction-after-handover");
    }

    private static String takeIn() {
        Response intake = APP.post("clerk", "/api/dossiers", Dossiers.judicialRecord());
        assertThat(intake.getStatus()).isEqualTo(201);
        return (String) TestApp.json(intake).get("code");
    }

    private static String value(String id) {
        return browser.findElement(By.id(id)).getAttribute("value");
    }

    private static void replace(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** Scrolls the element into view at once and clicks it, again if a smooth scroll was still moving the page. */
    private static void click(By by) {
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .ignoring(ElementClickInterceptedException.class)
                .until(d -> {
                    WebElement element = d.findElement(by);
                    ((JavascriptExecutor) d)
                            .executeScript(
                                    "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
                    element.click();
                    return true;
                });
    }

    private static void submit() {
        WebElement button = browser.findElement(By.id("correct"));
        click(By.id("correct"));
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.id("dossier-code")).size() == 1
                        && !d.findElements(By.id("correct")).contains(button));
    }

    private static void screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target/screenshots"));
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
