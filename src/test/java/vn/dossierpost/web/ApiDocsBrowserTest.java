package vn.dossierpost.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.support.Browser;
import vn.dossierpost.support.TestApp;

/**
 * {@code /api-docs} in a real browser, without signing in: Swagger UI (from its WebJar) reads
 * {@code /openapi.json} and shows the operations by tag, the intake with its Vietnamese examples.
 * The page is left as {@code target/screenshots/api-docs.png} to look at.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ApiDocsBrowserTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    static WebDriver browser;

    @BeforeAll
    static void setUp() {
        browser = BROWSER.start("vi-VN,vi");
    }

    @AfterAll
    static void tearDown() {
        BROWSER.quit();
    }

    @Test
    void theApiIsShownByTagWithTheIntakeExamples() throws Exception {
        browser.get(APP.url("/api-docs"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".swagger-ui .opblock-tag")));
        assertThat(browser.findElement(By.cssSelector(".swagger-ui .info .title"))
                        .getText())
                .contains("dossierpost — API hồ sơ hành chính qua bưu điện");
        assertThat(browser.findElements(By.cssSelector(".swagger-ui .opblock-tag")))
                .extracting(WebElement::getText)
                .anySatisfy(t -> assertThat(t).startsWith("Hồ sơ (dossiers)"))
                .anySatisfy(t -> assertThat(t).startsWith("Cơ quan gửi sự kiện (agency events)"));
        assertThat(browser.findElement(By.cssSelector(".swagger-ui .auth-wrapper .authorize"))
                        .getText())
                .contains("Authorize");

        click(browser.findElement(By.cssSelector("h3.opblock-tag[data-tag='Hồ sơ (dossiers)']")));
        WebElement intake =
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".opblock[id$='-dossierTakeIn']")));
        click(intake.findElement(By.cssSelector(".opblock-summary-control")));
        WebElement examples = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".opblock[id$='-dossierTakeIn'] .examples-select select")));
        assertThat(examples.getText()).contains("Phiếu lý lịch tư pháp số 1", "Thiếu giấy tờ tùy thân");
        assertThat(browser.findElement(By.cssSelector(".opblock[id$='-dossierTakeIn']"))
                        .getText())
                .contains("Trần Văn Đức", "Vai trò (roles): COUNTER");

        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", intake);
        Path shots = Files.createDirectories(Path.of("target/screenshots"));
        Files.write(shots.resolve("api-docs.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void theAgencySideIsTheOtherDocumentOfThePage() throws Exception {
        browser.get(APP.url("/api-docs"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        WebElement documents =
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".swagger-ui .topbar select")));
        new Select(documents).selectByVisibleText("Phía cơ quan nhận hồ sơ (the agency side)");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".swagger-ui .info .title"), "giao diện cơ quan nhận hồ sơ"));
        click(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".swagger-ui h3.opblock-tag"))));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".swagger-ui .opblock-summary-path")));
        assertThat(browser.findElements(By.cssSelector(".swagger-ui .opblock-summary-path")))
                .extracting(WebElement::getText)
                .contains("/dossiers", "/notices", "/probe");

        Path shots = Files.createDirectories(Path.of("target/screenshots"));
        Files.write(
                shots.resolve("api-docs-agency.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** A click as the user's, on an element Swagger UI may keep under its sticky parts. */
    private static void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        ((JavascriptExecutor) browser).executeScript("arguments[0].click()", element);
    }
}
