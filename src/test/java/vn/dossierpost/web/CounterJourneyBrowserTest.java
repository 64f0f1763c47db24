package vn.dossierpost.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Browser;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.PdfCodes;
import vn.dossierpost.support.Scans;
import vn.dossierpost.support.TestApp;

/**
 * A clerk's dossier from the first key to the citizen's phone, in one browser: signing in (a wrong
 * password first), an intake refused for a missing document and then saved, its slip, two scans that
 * make it DIGITISED, and the public page the slip's QR code opens — which shows no personal data. The
 * service listens on a port chosen beforehand so that the address printed in the QR code is its own.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CounterJourneyBrowserTest {
    private static final int PORT = freePort();
    private static final String BASE = "http://localhost:" + PORT;

    static final TestApp APP = new TestApp(
            ConfigOverride.config("server.applicationConnectors[0].port", String.valueOf(PORT)),
            ConfigOverride.config("intake.publicTrackingUrl", BASE + "/tra-cuu/"));
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    private static final Client CLIENT = ClientBuilder.newClient();

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    static WebDriver browser;

    @BeforeAll
    static void setUp() {
        APP.addUser("lan", Role.COUNTER, Dossiers.OFFICE, null);
        browser = BROWSER.start("vi-VN,vi");
    }

    @AfterAll
    static void tearDown() {
        BROWSER.quit();
        CLIENT.close();
    }

    @Test
    void fromSignInToThePublicPageOfTheSlip() throws IOException {
        // sign in: refused once, then to the intake form the clerk asked for
        browser.get(BASE + "/counter/tiep-nhan?thu-tuc=2.000488");
        waitUntil(d -> d.getCurrentUrl().contains("/login?next="));
        browser.findElement(By.id("username")).sendKeys("lan", Keys.TAB, "mat-khau-sai", Keys.ENTER);
        waitUntil(d -> !d.findElements(By.id("login-error")).isEmpty());
        assertThat(text("login-error")).isEqualTo("Tên đăng nhập hoặc mật khẩu không đúng.");
        browser.findElement(By.id("password")).sendKeys(TestApp.PASSWORD, Keys.ENTER);
        waitUntil(d -> d.getCurrentUrl().endsWith("/counter/tiep-nhan?thu-tuc=2.000488"));

        // the applicant, typed; the commune picked by a name typed without diacritics
        browser.findElement(By.id("fullName"))
                .sendKeys(
                        Dossiers.NAME,
                        Keys.TAB,
                        Dossiers.CITIZEN_ID,
                        Keys.TAB,
                        Dossiers.PHONE,
                        Keys.TAB,
                        "nhung.nguyen@example.vn",
                        Keys.TAB,
                        Dossiers.STREET,
                        Keys.TAB,
                        "hoan kiem");
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#commune-options .commune-option")));
        browser.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(browser.findElement(By.id("communeCode")).getAttribute("value"))
                .isEqualTo("00070");

        // only the declaration ticked: refused, the reason beside the documents, nothing stored
        browser.findElement(By.id("component-TO_KHAI")).sendKeys(Keys.SPACE);
        waitUntil(d -> missing().equals(List.of("GIAY_TO_TUY_THAN")));
        browser.findElement(By.id("save")).click();
        waitUntil(d -> !d.findElements(By.id("error-components")).isEmpty());
        assertThat(text("error-components")).contains("GIAY_TO_TUY_THAN");
        assertThat(count("SELECT count(*) FROM dossier")).isZero();

        // complete: saved, the slip ready to print
        browser.findElement(By.id("component-GIAY_TO_TUY_THAN")).sendKeys(Keys.SPACE);
        waitUntil(d -> !d.findElements(By.id("complete")).isEmpty());
        browser.findElement(By.id("save")).click();
        waitUntil(d -> d.getCurrentUrl().endsWith("/xong"));
        String code = text("code");
        String s10 = text("s10");
        byte[] slip = fetch(browser.findElement(By.id("print-slip")).getAttribute("href"));
        String printed = PdfCodes.qr(slip);
        assertThat(printed).isEqualTo(BASE + "/tra-cuu/" + s10);

        // two scans on the dossier page, a progress bar each: the dossier turns DIGITISED
        browser.findElement(By.id("dossier-link")).click();
        waitUntil(d -> d.findElements(By.id("status")).size() == 1);
        assertThat(text("dossier-code")).isEqualTo(code);
        assertThat(browser.findElement(By.id("status")).getAttribute("data-status"))
                .isEqualTo("RECEIVED");
        Path scans = Files.createTempDirectory("scans");
        Path form = Files.write(scans.resolve("to-khai.pdf"), Scans.pdf(2));
        Path idCard = Files.write(scans.resolve("can-cuoc.jpg"), Scans.jpeg(3));
        browser.findElement(By.id("files-TO_KHAI")).sendKeys(form.toString());
        waitUntil(d -> d.findElements(By.cssSelector("#uploads-TO_KHAI .upload-progress.done"))
                        .size()
                == 1);
        browser.findElement(By.id("files-GIAY_TO_TUY_THAN")).sendKeys(idCard.toString());
        waitUntil(d -> "DIGITISED".equals(d.findElement(By.id("status")).getAttribute("data-status")));
        assertThat(browser.findElements(By.cssSelector(".upload-progress.done .progress")).stream()
                        .map(p -> p.getAttribute("aria-valuenow"))
                        .toList())
                .containsExactly("100", "100");
        assertThat(text("status")).isEqualTo("Đã số hóa hồ sơ");
        assertThat(count("SELECT count(*) FROM dossier_file")).isEqualTo(2);

        // the citizen's phone opens the address in the QR code: the status, no personal data
        browser.manage().deleteAllCookies();
        browser.get(printed);
        assertThat(text("code")).isEqualTo(code);
        assertThat(text("status")).isEqualTo("Đã số hóa hồ sơ");
        assertThat(browser.getPageSource())
                .doesNotContain(Dossiers.CITIZEN_ID, Dossiers.PHONE, Dossiers.STREET, Dossiers.NAME, "nhung.nguyen");
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static List<String> missing() {
        return browser.findElements(By.cssSelector("#missing li")).stream()
                .map(li -> li.getAttribute("data-code"))
                .toList();
    }

    private static long count(String sql) {
        return APP.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    /** What the browser's session would get at {@code url}. */
    private static byte[] fetch(String url) {
        Response response = CLIENT.target(url)
                .request()
                .cookie(
                        Cookies.SESSION,
                        browser.manage().getCookieNamed(Cookies.SESSION).getValue())
                .get();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.readEntity(byte[].class);
    }

    private static void waitUntil(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
