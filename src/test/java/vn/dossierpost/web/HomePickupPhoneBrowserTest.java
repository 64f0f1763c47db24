package vn.dossierpost.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Browser;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.TestApp;

/**
 * A home pickup on the courier's phone: today's visit listed with the procedure's checklist; a
 * dossier without a required document is refused at the door with the document named, then received
 * once it is ticked, with its code shown on the visit.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class HomePickupPhoneBrowserTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static final String CLERK = "gdv.hoa";
    static final String COURIER = "buuta.hoa";
    static final String BOOKING = "TG-HOAA-2345";

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    static WebDriver browser;

    @BeforeAll
    static void setUp() {
        APP.addUser(CLERK, Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser(COURIER, Role.COURIER, Dossiers.OFFICE, null);
        assertThat(TestApp.status(APP.as(CLERK, "/api/couriers/" + COURIER + "/communes")
                        .put(Entity.json(Map.of("communes", List.of("00070"))))))
                .isEqualTo(200);
        // booked earlier for this afternoon (a booking for today can no longer be made once its window is over)
        APP.jdbi()
                .useHandle(h -> h.execute(
                        "INSERT INTO home_pickup (code, office_code, courier, procedure_code, applicant_name, "
                                + "applicant_phone, street, commune_code, window_date, window_part, state, booked_by, "
                                + "booked_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, '00070', ?, 'AFTERNOON', 'BOOKED', ?, "
                                + "now(), now())",
                        BOOKING,
                        Dossiers.OFFICE,
                        COURIER,
                        Dossiers.PROCEDURE,
                        Dossiers.NAME,
                        Dossiers.PHONE,
                        Dossiers.STREET,
                        LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")),
                        CLERK));
        browser = BROWSER.start("vi-VN,vi", 390, 844);
    }

    @AfterAll
    static void tearDown() {
        BROWSER.quit();
    }

    @Test
    void theVisitIsListedWithItsChecklistAnIncompleteDossierIsRefusedAndACompleteOneReceived() throws Exception {
        browser.get(APP.url("/login"));
        browser.findElement(By.id("username")).sendKeys(COURIER, Keys.TAB, TestApp.PASSWORD, Keys.ENTER);
        waitUntil(d -> d.getCurrentUrl().endsWith("/courier"));
        WebElement visit = browser.findElement(By.id("visit-" + BOOKING));
        assertThat(visit.getText()).contains(Dossiers.NAME, Dossiers.STREET, "buổi chiều");
        assertThat(visit.getText().toLowerCase()).contains("lý lịch tư pháp");
        assertThat(visit.findElements(By.cssSelector(".doc")))
                .extracting(d -> d.getAttribute("data-doc"))
                .contains("TO_KHAI", "GIAY_TO_TUY_THAN");
        screenshot("home-pickup-phone");

        tap(visit.findElement(By.cssSelector("[data-doc=TO_KHAI] input[type=checkbox]")));
        visit.findElement(By.name("citizenId")).sendKeys(Dossiers.CITIZEN_ID);
        tap(visit.findElement(By.cssSelector(".pickup-form button[type=submit]")));
        WebElement problem = visit.findElement(By.cssSelector(".pickup-form .problem"));
        waitUntil(d -> problem.isDisplayed());
        assertThat(problem.getText()).contains("GIAY_TO_TUY_THAN");
        screenshot("home-pickup-phone-refused");

        tap(visit.findElement(By.cssSelector("[data-doc=GIAY_TO_TUY_THAN] input[type=checkbox]")));
        tap(visit.findElement(By.cssSelector(".pickup-form button[type=submit]")));
        WebElement result = visit.findElement(By.cssSelector(".visit-result"));
        waitUntil(d -> result.getText().contains("Đã nhận hồ sơ"));
        String code = APP.jdbi()
                .withHandle(
                        h -> h.createQuery("SELECT d.code FROM dossier d JOIN home_pickup p ON p.id = d.home_pickup_id "
                                        + "WHERE p.code = :b AND d.received_by = :courier")
                                .bind("b", BOOKING)
                                .bind("courier", COURIER)
                                .mapTo(String.class)
                                .one());
        assertThat(result.getText()).contains(code);
        screenshot("home-pickup-phone-received");
    }

    private static void tap(WebElement element) {
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    private static void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(condition::apply);
    }

    private static void screenshot(String name) throws Exception {
        Files.write(Path.of("/tmp", name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
