package vn.dossierpost.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dossierpost.support.TestApp.json;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Browser;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.TestApp;

/**
 * The applicant's rating page on a phone-sized Chromium, opened from the link of the delivery
 * message (its invitation written here with a known token): no score is refused on the page, then
 * four stars and a comment are thanked for, and the link shows the score given from then on.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RatingPageBrowserTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static final String TOKEN = "Xq9v2LmT0aP3kRzN7sUwYb";

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    static WebDriver browser;
    static String code;

    @BeforeAll
    static void setUp() throws Exception {
        APP.addUser("thu.ngan", Role.COUNTER, Dossiers.OFFICE, null);
        try (Response res = APP.post("thu.ngan", "/api/dossiers", Dossiers.judicialRecord())) {
            code = (String) json(res).get("code");
        }
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(TOKEN.getBytes(StandardCharsets.UTF_8));
        APP.jdbi()
                .useHandle(h -> h.execute(
                        "INSERT INTO rating_invitation (dossier_id, token_hash, invited_at) "
                                + "SELECT id, ?, now() FROM dossier WHERE code = ?",
                        hash,
                        code));
        browser = BROWSER.start("vi-VN,vi", 390, 844);
    }

    @AfterAll
    static void tearDown() {
        BROWSER.quit();
    }

    @Test
    void theApplicantRatesOnceFromTheLink() throws Exception {
        browser.get(APP.url("/danh-gia/" + TOKEN));
        assertThat(browser.findElement(By.id("code")).getText()).isEqualTo(code);
        save("rating-form");

        submit();
        assertThat(browser.findElement(By.id("rating-error")).getText()).contains("từ 1 đến 5");

        browser.findElement(By.cssSelector("label[for='score-4']")).click();
        browser.findElement(By.id("comment")).sendKeys("Nhân viên bưu điện hướng dẫn rất tận tình.");
        submit();
        assertThat(browser.findElement(By.id("thanks")).getText()).contains("4 / 5");
        save("rating-thanks");

        browser.get(APP.url("/danh-gia/" + TOKEN));
        assertThat(browser.findElement(By.id("rated")).getText()).contains("4 / 5");
        assertThat(browser.findElements(By.id("rating-form"))).isEmpty();
        String stored = APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT score || ' ' || comment FROM rating r JOIN dossier d "
                                + "ON d.id = r.dossier_id WHERE d.code = :c")
                        .bind("c", code)
                        .mapTo(String.class)
                        .one());
        assertThat(stored).isEqualTo("4 Nhân viên bưu điện hướng dẫn rất tận tình.");
    }

    private static void submit() {
        Browser.toNextPage(browser, () -> browser.findElement(By.id("rate")).click());
    }

    private static void save(String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target/screenshots"));
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
