package vn.dossierpost.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through its chromedriver, one per test class (a start costs seconds).
 * Where neither is installed the browser tests are skipped on a developer's machine, but fail when
 * {@code CI=true}: a missing install step must not pass unnoticed. A failing test leaves a screenshot
 * of its page under {@code target/screenshots}.
 */
public final class Browser implements TestWatcher {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private WebDriver driver;

    /** A browser whose pages ask for {@code acceptLanguage} (e.g. "vi-VN,vi" or "en-US,en"). */
    public WebDriver start(String acceptLanguage) {
        return start(acceptLanguage, 1366, 768);
    }

    /**
     * A browser whose pages are {@code width} × {@code height} CSS pixels (390 × 844 for a phone).
     * Headless Chromium keeps its window at least 500 wide, so a narrower page is Chromium's
     * device emulation (a standard chromedriver option), with mouse input as the other tests.
     */
    public WebDriver start(String acceptLanguage, int width, int height) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "Chromium and chromedriver are needed at " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver fonts-liberation2)";
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--window-size=" + Math.max(width, 500) + "," + height,
                "--accept-lang=" + acceptLanguage);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        if (width < 500) {
            options.setExperimentalOption(
                    "mobileEmulation",
                    Map.of(
                            "deviceMetrics",
                            Map.of("width", width, "height", height, "pixelRatio", 1.0, "touch", false)));
        }
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        return driver;
    }

    /**
     * Does what leads to another page (a click, Enter in a form) and returns once that page has
     * replaced the current one and finished loading. The current page is marked first; the mark is
     * gone only from a new document. Asking during the swap may fail in several ways (a stale
     * element, an inspector error about a node of the old document): each only means "not yet".
     */
    public static void toNextPage(WebDriver driver, Runnable action) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("window.dossierpostLeaving = true");
        action.run();
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(js.executeScript(
                        "return window.dossierpostLeaving === undefined && document.readyState === 'complete'")));
    }

    public void quit() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver instanceof TakesScreenshot camera) {
            try {
                Path dir = Files.createDirectories(Path.of("target/screenshots"));
                Files.write(
                        dir.resolve(context.getDisplayName().replaceAll("[^A-Za-z0-9_-]", "_") + ".png"),
                        camera.getScreenshotAs(OutputType.BYTES));
            } catch (IOException | RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
