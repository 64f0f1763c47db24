package vn.dossierpost.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Browser;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.TestApp;

/** The pages anyone opens, in a real browser: tracking by the number on the slip, the fee board, an unknown number. */
@ExtendWith(DropwizardExtensionsSupport.class)
class PublicPagesBrowserTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    static WebDriver browser;
    static Map<String, Object> dossier;

    @BeforeAll
    static void setUp() {
        APP.addUser("clerk", Role.COUNTER, Dossiers.OFFICE, null);
        Response res = APP.post("clerk", "/api/dossiers", Dossiers.judicialRecord());
        assertThat(res.getStatus()).isEqualTo(201);
        dossier = TestApp.json(res);
        browser = BROWSER.start("vi-VN,vi");
    }

    @AfterAll
    static void tearDown() {
        BROWSER.quit();
    }

    @Test
    void theNumberOnTheSlipShowsTheJourneyWithoutPersonalData() {
        browser.get(APP.url("/tra-cuu"));
        WebElement field = browser.findElement(By.id("ma"));
        Browser.toNextPage(browser, () -> field.sendKeys((String) dossier.get("s10Number"), Keys.ENTER));

        assertThat(browser.getCurrentUrl()).endsWith("/tra-cuu/" + dossier.get("s10Number"));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Đã tiếp nhận tại bưu cục");
        assertThat(browser.findElement(By.id("code")).getText()).isEqualTo(dossier.get("code"));
        assertThat(browser.findElement(By.id("applicant")).getText()).isEqualTo("N***** T** H*** N****");
        assertThat(browser.findElement(By.id("appointment")).getText()).matches("\\d{2}/\\d{2}/\\d{4}");
        List<WebElement> steps = browser.findElements(By.cssSelector("#steps li"));
        assertThat(steps).singleElement().satisfies(s -> assertThat(s.getText()).contains("Bưu cục"));
        String page = browser.getPageSource();
        assertThat(page)
                .doesNotContain(
                        Dossiers.CITIZEN_ID, Dossiers.PHONE, Dossiers.STREET, Dossiers.NAME, "nhung.nguyen@example.vn");
    }

    @Test
    void anUnknownNumberIsAFriendlyPage() {
        browser.get(APP.url("/tra-cuu/EH473124829VN"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Không tìm thấy hồ sơ");
        assertThat(browser.getPageSource()).doesNotContain("Exception", "at vn.dossierpost");
    }

    @Test
    void anUnknownPageIsAPageInVietnameseWhileProgramsKeepTheirJson() {
        browser.get(APP.url("/khong-co-trang-nay"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Không tìm thấy trang");
        assertThat(browser.findElement(By.cssSelector(".error-code")).getText()).isEqualTo("404");

        Response json = EXT.client()
                .target(APP.url("/khong-co-trang-nay"))
                .request("application/json")
                .get();
        assertThat(json.getStatus()).isEqualTo(404);
        assertThat(json.getMediaType().toString()).startsWith("application/json");
        Response api = EXT.client()
                .target(APP.url("/api/khong-co"))
                .request("text/html")
                .get();
        assertThat(api.getStatus()).isEqualTo(404);
        assertThat(api.readEntity(String.class)).doesNotContain("<html");
    }

    @Test
    void theFeeBoardListsTheProceduresAndFindsThemWithoutDiacritics() {
        browser.get(APP.url("/bang-phi"));
        assertThat(browser.findElements(By.cssSelector("#postage tbody tr"))).hasSize(4);
        int all = browser.findElements(By.cssSelector("#procedures .procedure")).size();
        browser.findElement(By.id("filter")).sendKeys("ly lich tu phap");
        // the server filters (htmx swaps the list in and puts the search in the address)
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(ExpectedConditions.urlMatches("q=ly(\\+|%20)lich(\\+|%20)tu(\\+|%20)phap$"));
        assertThat(browser.findElements(By.cssSelector("#procedures .procedure")))
                .hasSizeLessThan(all);
        List<String> shown = browser.findElements(By.cssSelector("#procedures .procedure")).stream()
                .filter(WebElement::isDisplayed)
                .map(WebElement::getText)
                .toList();
        assertThat(shown).isNotEmpty().allSatisfy(text -> assertThat(text).containsIgnoringCase("lý lịch tư pháp"));
        assertThat(shown.get(0)).contains("200.000 đ", "Bản chính");
    }
}
