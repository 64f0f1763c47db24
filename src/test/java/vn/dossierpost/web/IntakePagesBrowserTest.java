package vn.dossierpost.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Browser;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.PdfCodes;
import vn.dossierpost.support.TestApp;

/**
 * The counter in a real browser: finding a procedure typed without diacritics, the guidance sheet with
 * what the citizen still has to bring, and an intake typed with the keyboard — refused while a required
 * document is missing (nothing stored), priced as the JSON API prices it, saved, its slip ready to print.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class IntakePagesBrowserTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    private static final Client CLIENT = ClientBuilder.newClient();

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    static WebDriver browser;

    @BeforeAll
    static void signIn() {
        APP.addUser("clerk", Role.COUNTER, Dossiers.OFFICE, null);
        browser = BROWSER.start("vi-VN,vi");
        browser.get(APP.url("/counter/thu-tuc"));
        browser.findElement(By.id("username")).sendKeys("clerk", Keys.TAB, TestApp.PASSWORD, Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlMatches("/counter/thu-tuc$"));
    }

    @AfterAll
    static void tearDown() {
        BROWSER.quit();
    }

    @Test
    void theClerkFindsAProcedureTypedWithoutDiacritics() throws IOException {
        browser.get(APP.url("/counter/thu-tuc"));
        browser.switchTo().activeElement().sendKeys("ly lich tu phap", Keys.ENTER);

        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(ExpectedConditions.urlMatches("q=ly(\\+|%20)lich(\\+|%20)tu(\\+|%20)phap$"));
        waitUntil(() -> browser.findElement(By.id("count")).getText().endsWith("khớp «ly lich tu phap»"));
        List<WebElement> found = browser.findElements(By.cssSelector("#results .procedure"));
        assertThat(found)
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.findElement(By.className("name")).getText())
                        .containsIgnoringCase("lý lịch tư pháp"));
        WebElement judicialRecord = browser.findElement(By.cssSelector(".procedure[data-code='2.000488']"));
        assertThat(judicialRecord.getText())
                .contains("Cấp Phiếu lý lịch tư pháp số 1", "Phí, lệ phí 200.000 đ", "Bản chính", "Bản sao", "(nếu có)")
                .containsPattern("cước chuyển hồ sơ [\\d.]+ đ, trả kết quả [\\d.]+ đ");
        screenshot("procedures");
    }

    @Test
    void theGuidanceSheetListsWhatIsStillMissing() throws IOException {
        browser.get(APP.url("/counter/thu-tuc/2.000488"));
        assertThat(browser.findElement(By.id("procedure-name")).getText())
                .isEqualTo("Cấp Phiếu lý lịch tư pháp số 1 cho công dân Việt Nam");
        assertThat(browser.findElement(By.id("agency")).getText()).isNotBlank();
        assertThat(missing()).contains("TO_KHAI", "GIAY_TO_TUY_THAN");

        // the first box has the focus: Space ticks it
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("brought-TO_KHAI");
        browser.switchTo().activeElement().sendKeys(Keys.SPACE);
        waitUntil(() -> !missing().contains("TO_KHAI"));

        assertThat(missing()).containsExactly("GIAY_TO_TUY_THAN", "VAN_BAN_UY_QUYEN", "GIAY_TO_CU_TRU");
        assertThat(browser.findElement(By.id("start-intake")).getAttribute("href"))
                .endsWith("/counter/tiep-nhan?thu-tuc=2.000488&co=TO_KHAI");
        screenshot("guidance");
    }

    @Test
    void choosingAProcedureInTheFormBringsItsDocumentsAndPrice() {
        browser.get(APP.url("/counter/tiep-nhan"));
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("procedure");
        assertThat(browser.findElements(By.cssSelector("#components input[type=checkbox]")))
                .isEmpty();

        new Select(browser.findElement(By.id("procedure"))).selectByValue("9.000101");
        waitUntil(() -> !browser.findElements(By.id("component-GIAY_TO_CU_TRU")).isEmpty());
        assertThat(missing()).containsExactly("TO_KHAI", "GIAY_TO_TUY_THAN");
        assertThat(browser.findElement(By.id("quote-total")).getText()).matches("[\\d.]+ đ");
    }

    @Test
    void anIntakeTypedAtTheCounterIsRefusedUntilCompleteThenSavedWithItsSlip() throws IOException {
        browser.get(APP.url("/counter/tiep-nhan?thu-tuc=2.000488"));
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("fullName");
        browser.switchTo()
                .activeElement()
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
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("commune-search");
        WebElement option = new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#commune-options .commune-option")));
        assertThat(option.getText()).contains("Phường Hoàn Kiếm", "Thành phố Hà Nội");
        screenshot("commune-picker");
        browser.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(value("communeCode")).isEqualTo("00070");
        assertThat(value("commune-search")).isEqualTo("Phường Hoàn Kiếm, Thành phố Hà Nội");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("deliveryMethod");

        // the declaration is ticked, the copy of the ID card is not: the checklist says so at once
        browser.findElement(By.id("component-TO_KHAI")).sendKeys(Keys.SPACE);
        waitUntil(() -> missing().equals(List.of("GIAY_TO_TUY_THAN")));
        browser.findElement(By.id("fullName")).sendKeys(Keys.ENTER);

        assertThat(browser.findElement(By.id("error-components")).getText())
                .contains("missing required document GIAY_TO_TUY_THAN");
        assertThat(browser.findElement(By.id("errors")).getText()).contains("Không có gì được lưu");
        assertThat(value("fullName")).isEqualTo(Dossiers.NAME);
        assertThat(value("citizenId")).isEqualTo(Dossiers.CITIZEN_ID);
        assertThat(value("communeCode")).isEqualTo("00070");
        assertThat(browser.findElement(By.id("component-TO_KHAI")).isSelected()).isTrue();
        assertThat(dossierRows()).isZero();
        screenshot("intake-refused");

        // what the JSON API charges for the same dossier is what the form quotes
        Map<String, Object> api = TestApp.json(APP.post("clerk", "/api/dossiers", Dossiers.judicialRecord()));
        @SuppressWarnings("unchecked")
        Map<String, Object> apiFees = (Map<String, Object>) api.get("fees");
        long total = ((Number) apiFees.get("total")).longValue();

        browser.findElement(By.id("component-GIAY_TO_TUY_THAN")).sendKeys(Keys.SPACE);
        waitUntil(() -> !browser.findElements(By.id("complete")).isEmpty());
        assertThat(browser.findElement(By.id("quote-total")).getText()).isEqualTo(vnd(total));
        assertThat(browser.findElement(By.id("save-total")).getText()).isEqualTo(vnd(total));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> apiItems = (List<Map<String, Object>>) apiFees.get("items");
        assertThat(browser.findElements(By.cssSelector("#quote .quote tbody tr")).stream()
                        .map(WebElement::getText)
                        .toList())
                .containsAll(apiItems.stream()
                        .map(i -> i.get("labelVi") + " " + vnd(((Number) i.get("amount")).longValue()))
                        .toList());
        assertThat(browser.findElement(By.id("quote-appointment")).getText())
                .isEqualTo(ddMMyyyy((String) ((Map<?, ?>) api.get("dueDates")).get("resultAppointment")));
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("document.getElementById('quote').scrollIntoView({block: 'center'})");
        screenshot("intake-quoted");

        browser.findElement(By.id("save")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(ExpectedConditions.urlMatches("/counter/tiep-nhan/[^/]+/xong$"));
        String code = browser.findElement(By.id("code")).getText();
        assertThat(browser.findElement(By.id("flash")).getText()).isEqualTo("Đã tiếp nhận hồ sơ " + code);
        String s10 = browser.findElement(By.id("s10")).getText();
        assertThat(s10).matches("[A-Z]{2}\\d{9}VN");
        Map<String, Object> stored = APP.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT applicant_name, applicant_commune, delivery_commune, postage, government_fee "
                                        + "FROM dossier WHERE code = :code")
                        .bind("code", code)
                        .mapToMap()
                        .one());
        assertThat(stored)
                .containsEntry("applicant_name", Dossiers.NAME)
                .containsEntry("applicant_commune", "00070")
                .containsEntry("delivery_commune", "00070")
                .containsEntry("postage", ((Number) apiFees.get("postage")).longValue())
                .containsEntry("government_fee", ((Number) apiFees.get("governmentFee")).longValue());
        screenshot("intake-done");

        // the slip the page shows and prints, fetched with the clerk's own session
        String slipUrl = browser.findElement(By.id("print-slip")).getAttribute("href");
        assertThat(slipUrl).endsWith("/counter/ho-so/" + code + "/phieu.pdf");
        Response slip = CLIENT.target(slipUrl)
                .request()
                .cookie(
                        Cookies.SESSION,
                        browser.manage().getCookieNamed(Cookies.SESSION).getValue())
                .get();
        assertThat(slip.getStatus()).isEqualTo(200);
        assertThat(slip.getMediaType().toString()).isEqualTo("application/pdf");
        byte[] pdf = slip.readEntity(byte[].class);
        assertThat(new String(pdf, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        assertThat(PdfCodes.qr(pdf)).endsWith(s10);
    }

    @Test
    void aForeignerFiledForByARelativeIsTakenInWithThePassportAndTheAuthorisation() throws IOException {
        browser.get(APP.url("/counter/tiep-nhan?thu-tuc=9.000102"));
        new Select(browser.findElement(By.id("idType"))).selectByValue("PASSPORT");
        browser.findElement(By.id("fullName")).sendKeys("John Michael Smith");
        browser.findElement(By.id("citizenId")).sendKeys("c1234567");
        browser.findElement(By.id("phone")).sendKeys(Dossiers.PHONE);
        browser.findElement(By.id("street")).sendKeys(Dossiers.STREET);
        browser.findElement(By.id("commune-search")).sendKeys("hoan kiem");
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#commune-options .commune-option")));
        browser.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        new Select(browser.findElement(By.id("serviceForm"))).selectByValue("SEND_ONLY");
        new Select(browser.findElement(By.id("deliveryMethod"))).selectByValue("PICKUP_AT_OFFICE");

        assertThat(browser.findElement(By.id("filer-details")).isDisplayed()).isFalse();
        browser.findElement(By.id("filer")).sendKeys(Keys.SPACE);
        assertThat(browser.findElement(By.id("filer-details")).isDisplayed()).isTrue();
        browser.findElement(By.id("filerName")).sendKeys("Nguyễn Thị Lan");
        browser.findElement(By.id("filerIdNumber")).sendKeys("001190123456");
        browser.findElement(By.id("filerRelation")).sendKeys("vợ");
        browser.findElement(By.id("filerAuthorisation")).sendKeys("Giấy ủy quyền số 12/2026 ngày 28/11/2026");
        for (String code : List.of("TO_KHAI", "HO_CHIEU", "THE_CU_TRU", "VAN_BAN_UY_QUYEN")) {
            browser.findElement(By.id("component-" + code)).sendKeys(Keys.SPACE);
            waitUntil(() -> browser.findElement(By.id("component-" + code)).isSelected());
        }
        waitUntil(() -> !browser.findElements(By.id("complete")).isEmpty());
        screenshot("filer");

        browser.findElement(By.id("save")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(ExpectedConditions.urlMatches("/counter/tiep-nhan/[^/]+/xong$"));
        String code = browser.findElement(By.id("code")).getText();
        Map<String, Object> stored = APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT applicant_id_type, applicant_citizen_id, filer_name, "
                                + "filer_relation FROM dossier WHERE code = :code")
                        .bind("code", code)
                        .mapToMap()
                        .one());
        assertThat(stored)
                .containsEntry("applicant_id_type", "PASSPORT")
                .containsEntry("applicant_citizen_id", "C1234567")
                .containsEntry("filer_name", "Nguyễn Thị Lan")
                .containsEntry("filer_relation", "vợ");
    }

    private static String value(String id) {
        return browser.findElement(By.id(id)).getAttribute("value");
    }

    /** The codes the guidance sheet lists as still to bring, or the intake form as required and missing. */
    private static List<String> missing() {
        return browser.findElements(By.cssSelector("#missing li")).stream()
                .map(li -> li.getAttribute("data-code"))
                .toList();
    }

    private static long dossierRows() {
        return APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM dossier")
                        .mapTo(Long.class)
                        .one());
    }

    private static String vnd(long amount) {
        return String.format("%,d đ", amount).replace(',', '.');
    }

    private static String ddMMyyyy(String isoDate) {
        return isoDate.substring(8) + "/" + isoDate.substring(5, 7) + "/" + isoDate.substring(0, 4);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> condition.getAsBoolean());
    }

    /** A picture of the page at 1366×768 under target/screenshots, to look at. */
    private static void screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target/screenshots"));
        Files.write(
                dir.resolve("intake-" + name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
