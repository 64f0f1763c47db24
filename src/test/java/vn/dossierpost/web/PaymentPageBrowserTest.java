package vn.dossierpost.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dossierpost.support.TestApp.json;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Browser;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.Results;
import vn.dossierpost.support.TestApp;

/**
 * The money on the clerk's dossier page: a VietQR dossier shows its code to scan until it is paid,
 * a cash dossier who took the money and its receipt to print; the clerk confirms a pending payment
 * and pays back what is due (a refused dossier's fee) with the document to print.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PaymentPageBrowserTest {
    static final TestApp APP = new TestApp(
            ConfigOverride.config("payment.acquirerBin", "970415"),
            ConfigOverride.config("payment.account", "113366668888"));
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    static WebDriver browser;
    static String agency;

    @BeforeAll
    static void setUp() {
        APP.addUser("thu.ngan", Role.COUNTER, Dossiers.OFFICE, null);
        agency = APP.addTokenUser("stp-hanoi", Role.AGENCY, null, Dossiers.AGENCY);
        browser = BROWSER.start("vi-VN,vi", 1366, 2000);
        browser.get(APP.url("/login"));
        browser.findElement(By.id("username")).sendKeys("thu.ngan");
        browser.findElement(By.id("password")).sendKeys(TestApp.PASSWORD, Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.id("signed-in")).size() == 1);
    }

    @AfterAll
    static void tearDown() {
        BROWSER.quit();
    }

    private static String intake(String method) {
        Map<String, Object> body = Dossiers.judicialRecord();
        body.put("paymentMethod", method);
        try (Response res = APP.post("thu.ngan", "/api/dossiers", body)) {
            return (String) json(res).get("code");
        }
    }

    @Test
    void aVietQrDossierShowsItsCodeToScanAndNoReceipt() throws IOException {
        String code = intake("VIETQR");
        browser.get(APP.url("/counter/ho-so/" + code));

        assertThat(browser.findElement(By.id("payment-state")).getText()).isEqualTo("Chưa thu");
        var img = browser.findElement(By.cssSelector("#vietqr img"));
        Number width = (Number) ((JavascriptExecutor) browser)
                .executeScript("return arguments[0].complete ? arguments[0].naturalWidth : -1", img);
        assertThat(width.intValue()).isGreaterThan(100);
        assertThat(browser.findElement(By.cssSelector("#vietqr figcaption")).getText())
                .contains(code, " đ");
        assertThat(browser.findElements(By.id("receipt"))).isEmpty();
        screenshot("payment-vietqr-pending");
    }

    @Test
    void aCashDossierShowsWhoTookTheMoneyAndItsReceipt() throws IOException {
        String code = intake("CASH");
        browser.get(APP.url("/counter/ho-so/" + code));

        assertThat(browser.findElement(By.id("payment-state")).getText()).isEqualTo("Đã thu");
        assertThat(browser.findElement(By.id("payment")).getText()).contains("Tiền mặt", "thu.ngan");
        assertThat(browser.findElements(By.id("vietqr"))).isEmpty();
        String receipt = browser.findElement(By.id("receipt")).getAttribute("href");
        assertThat(receipt).endsWith("/counter/ho-so/" + code + "/thanh-toan/bien-lai.pdf");
        String type = (String) ((JavascriptExecutor) browser)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('Content-Type')));",
                        receipt);
        assertThat(type).isEqualTo("200 application/pdf");
        screenshot("payment-cash-paid");
    }

    @Test
    void theClerkConfirmsATransferTheApplicantShowsAndACardNeedsItsTerminalReference() throws IOException {
        String code = intake("VIETQR");
        browser.get(APP.url("/counter/ho-so/" + code));

        browser.findElement(By.id("pay-CARD")).click();
        submit("pay");
        assertThat(browser.findElement(By.id("pay-error")).getText()).contains("số tham chiếu");
        assertThat(browser.findElement(By.id("pay-CARD")).isSelected())
                .as("the choice is kept")
                .isTrue();
        screenshot("payment-card-without-reference");
        assertThat(paymentState(code)).isEqualTo("PENDING");

        browser.findElement(By.id("pay-VIETQR")).click();
        submit("pay");
        assertThat(browser.findElement(By.id("payment-state")).getText()).isEqualTo("Đã thu");
        assertThat(browser.findElement(By.id("payment")).getText()).contains("VietQR", "thu.ngan");
        assertThat(browser.findElements(By.id("pay-form"))).isEmpty();
        assertThat(browser.findElements(By.id("receipt"))).hasSize(1);
        assertThat(paymentState(code)).isEqualTo("PAID");
    }

    @Test
    void theFeeOfADossierTheAgencyRefusedIsPaidBackFromThePageWithItsDocument() throws IOException {
        String code = Results.refused(
                APP, "thu.ngan", agency, Dossiers.judicialRecord(), "Người yêu cầu không thuộc diện được cấp");
        browser.get(APP.url("/counter/ho-so/" + code));
        assertThat(browser.findElement(By.id("refund-form")).getText()).contains("Hoàn trả 200.000 đ");
        screenshot("payment-refund-due");

        submit("refund");
        assertThat(browser.findElement(By.id("refund-reason-error")).getText()).contains("lý do");
        assertThat(paymentState(code)).isEqualTo("PAID");

        browser.findElement(By.id("refund-reason")).sendKeys("Cơ quan từ chối giải quyết");
        submit("refund");
        assertThat(browser.findElement(By.id("payment-state")).getText()).isEqualTo("Đã hoàn tiền");
        assertThat(browser.findElement(By.id("refunded-amount")).getText()).isEqualTo("200.000 đ");
        assertThat(browser.findElements(By.id("refund-form"))).isEmpty();
        String document = browser.findElement(By.id("refund-document")).getAttribute("href");
        String type = (String) ((JavascriptExecutor) browser)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('Content-Type')));",
                        document);
        assertThat(type).isEqualTo("200 application/pdf");
        assertThat(paymentState(code)).isEqualTo("REFUNDED");
        screenshot("payment-refunded");
    }

    /** Presses the form's button and waits for the page that answers it. */
    private static void submit(String buttonId) {
        var button = browser.findElement(By.id(buttonId));
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button);
        Browser.toNextPage(browser, button::click);
    }

    private static String paymentState(String code) {
        return APP.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT p.state FROM payment p JOIN dossier d ON d.id = p.dossier_id WHERE d.code = :c")
                        .bind("c", code)
                        .mapTo(String.class)
                        .one());
    }

    /** The fees and payment panel alone: the money is what these screenshots are for. */
    private static void screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target/screenshots"));
        var panel = browser.findElement(By.id("fees")).findElement(By.xpath("ancestor::section"));
        Files.write(dir.resolve(name + ".png"), panel.getScreenshotAs(OutputType.BYTES));
    }
}
