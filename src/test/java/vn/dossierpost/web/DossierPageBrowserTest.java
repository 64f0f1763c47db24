package vn.dossierpost.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
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
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Browser;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.Multipart;
import vn.dossierpost.support.Scans;
import vn.dossierpost.support.TestApp;

/**
 * The counter clerk's dossier page in a real browser: what it shows, scans picked several at a time
 * with a progress bar each until the dossier is DIGITISED, a preview, a renamed text file refused
 * with nothing stored, a withdrawal refused without a reason and then done, a supplement taken, and
 * a clerk of another office kept out of the page and the files.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DossierPageBrowserTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static final String CLERK = "clerk";
    static final String OTHER_CLERK = "clerk-hcm";

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    static WebDriver browser;
    static Path scans;
    static String signedIn;

    @BeforeAll
    static void setUp() throws IOException {
        APP.addUser(CLERK, Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser(OTHER_CLERK, Role.COUNTER, Dossiers.OTHER_OFFICE, null);
        scans = Files.createDirectories(Path.of("target", "dossier-page-scans")).toAbsolutePath();
        Files.write(scans.resolve("to-khai.pdf"), Scans.pdf(2));
        Files.write(scans.resolve("to-khai-trang-3.jpg"), Scans.jpeg(7));
        Files.write(scans.resolve("can-cuoc.jpg"), Scans.jpeg(11));
        Files.writeString(
                scans.resolve("ghi-chu.pdf"), "Đây là một tệp văn bản, không phải PDF.\n", StandardCharsets.UTF_8);
        browser = BROWSER.start("vi-VN,vi");
    }

    @AfterAll
    static void tearDown() {
        BROWSER.quit();
    }

    @Test
    void theClerkScansADossierUntilItIsDigitisedAndPreviewsItsFiles() throws IOException {
        Map<String, Object> dossier = takeIn();
        String code = (String) dossier.get("code");
        signIn(CLERK);
        browser.get(APP.url("/counter/ho-so/" + code));

        assertThat(text("dossier-code")).isEqualTo(code);
        screenshot("dossier-page-received");
        assertThat(text("s10")).isEqualTo(dossier.get("s10Number"));
        assertThat(text("status")).isEqualTo("Đã tiếp nhận tại bưu cục");
        assertThat(text("holder")).startsWith("Bưu điện");
        assertThat(text("due")).matches("\\d{2}/\\d{2}/\\d{4}");
        assertThat(text("applicant")).isEqualTo(Dossiers.NAME);
        assertThat(text("citizen-id")).isEqualTo(Dossiers.CITIZEN_ID);
        long total = ((Number) ((Map<?, ?>) dossier.get("fees")).get("total")).longValue();
        assertThat(text("fees-total")).isEqualTo(String.format("%,d đ", total).replace(',', '.'));
        assertThat(text("fees-total")).matches("\\d{1,3}(\\.\\d{3})+ đ");
        assertThat(text("timeline"))
                .contains("Đã tiếp nhận tại bưu cục")
                .containsPattern("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
        assertThat(browser.findElement(By.id("slip-reprint")).getAttribute("href"))
                .endsWith("/counter/ho-so/" + code + "/phieu.pdf");

        // two scans of the form at once: a bar each, then what was recognised
        browser.findElement(By.id("files-TO_KHAI"))
                .sendKeys(scans.resolve("to-khai.pdf") + "\n" + scans.resolve("to-khai-trang-3.jpg"));
        List<WebElement> rows = waitForUploads("TO_KHAI", 2);
        assertThat(rows).allSatisfy(r -> assertThat(r.getAttribute("class")).contains("done"));
        assertThat(rows.get(0).getText()).contains("to-khai.pdf", "PDF · 2 trang");
        assertThat(rows.get(1).getText()).contains("to-khai-trang-3.jpg", "JPEG");
        assertThat(rows)
                .allSatisfy(r -> assertThat(
                                r.findElement(By.cssSelector(".progress")).getAttribute("aria-valuenow"))
                        .isEqualTo("100"));
        waitUntil(d -> text("filelist-TO_KHAI").contains("to-khai-trang-3.jpg"));
        assertThat(attribute("status", "data-status")).isEqualTo("RECEIVED");
        assertThat(text("missing")).contains("Bản chụp Căn cước");

        // the last required document: the dossier turns DIGITISED on the page
        browser.findElement(By.id("files-GIAY_TO_TUY_THAN"))
                .sendKeys(scans.resolve("can-cuoc.jpg").toString());
        waitForUploads("GIAY_TO_TUY_THAN", 1);
        waitUntil(d -> "DIGITISED".equals(attribute("status", "data-status")));
        assertThat(text("status")).isEqualTo("Đã số hóa hồ sơ");
        assertThat(text("missing")).isEqualTo("Đã có bản quét của mọi giấy tờ bắt buộc.");
        assertThat(text("timeline")).contains("Đã số hóa hồ sơ", "Thêm tệp quét");
        assertThat(status(code)).isEqualTo("DIGITISED");
        screenshot("dossier-page-digitised");

        // preview: the PDF in a frame, the image as an image, both served to the session
        click(By.cssSelector("#filelist-TO_KHAI a.scan-link[data-kind=pdf]"));
        WebElement frame = browser.findElement(By.cssSelector("#preview iframe"));
        screenshot("dossier-page-preview-pdf");
        assertThat(frame.getAttribute("src")).containsPattern("/counter/ho-so/" + code + "/tep/\\d+$");
        assertThat(fetchContentType(frame.getAttribute("src"))).isEqualTo("application/pdf");
        click(By.cssSelector("#filelist-GIAY_TO_TUY_THAN a.scan-link"));
        WebElement image = browser.findElement(By.cssSelector("#preview img"));
        waitUntil(d -> ((Number) js("return arguments[0].naturalWidth", image)).intValue() == 64);
        screenshot("dossier-page-preview");

        // a text file named .pdf: refused with the reason, nothing stored
        long filesBefore = fileRows(code);
        browser.findElement(By.id("files-TO_KHAI"))
                .sendKeys(scans.resolve("ghi-chu.pdf").toString());
        WebElement refused = waitForUploads("TO_KHAI", 1).get(0);
        assertThat(refused.getAttribute("class")).contains("refused");
        assertThat(refused.getText())
                .contains(
                        "ghi-chu.pdf", "Không nhận", "PDF, JPEG, PNG hay TIFF", "is not a PDF, JPEG, PNG or TIFF file");
        assertThat(fileRows(code)).isEqualTo(filesBefore);
        js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", refused);
        screenshot("dossier-page-refused");
    }

    @Test
    void aWithdrawalNeedsAReasonAndThenShowsOnTheTimeline() {
        String code = (String) takeIn().get("code");
        APP.jdbi().useHandle(h -> h.execute("UPDATE dossier SET handover_due = current_date - 3 WHERE code = ?", code));
        signIn(CLERK);
        browser.get(APP.url("/counter/ho-so/" + code));
        assertThat(text("overdue")).isEqualTo("Quá hạn");
        waitUntil(d -> "pick-TO_KHAI".equals(d.switchTo().activeElement().getAttribute("id")));

        click(By.id("withdraw"));
        assertThat(text("withdraw-reason-error")).contains("Xin ghi lý do rút hồ sơ");
        waitUntil(d -> "withdraw-reason".equals(d.switchTo().activeElement().getAttribute("id")));
        assertThat(text("status")).isEqualTo("Đã tiếp nhận tại bưu cục");
        assertThat(status(code)).isEqualTo("RECEIVED");
        screenshot("dossier-page-withdraw-refused");

        browser.switchTo().activeElement().sendKeys("Người nộp đổi ý, nộp trực tiếp tại Sở", Keys.ENTER);
        assertThat(text("flash")).isEqualTo("Đã rút hồ sơ " + code + ".");
        assertThat(text("status")).isEqualTo("Đã rút hồ sơ");
        assertThat(text("timeline")).contains("Đã rút hồ sơ", "Người nộp đổi ý, nộp trực tiếp tại Sở");
        assertThat(browser.findElements(By.id("withdraw"))).isEmpty();
        assertThat(browser.findElements(By.id("drop-TO_KHAI"))).isEmpty();
        assertThat(status(code)).isEqualTo("WITHDRAWN");
    }

    @Test
    void aWithdrawalTheDossierNoLongerAllowsIsRefusedWithTheReason() {
        String code = (String) takeIn().get("code");
        signIn(CLERK);
        browser.get(APP.url("/counter/ho-so/" + code));
        // meanwhile the dossier left for the agency (the page still offers the withdrawal)
        APP.jdbi().useHandle(h -> h.execute("UPDATE dossier SET status = 'IN_TRANSIT_TO_AGENCY' WHERE code = ?", code));

        browser.findElement(By.id("withdraw-reason")).sendKeys("Người nộp đổi ý", Keys.ENTER);
        assertThat(text("action-error")).contains("Không thể rút hồ sơ", "Đang chuyển đến cơ quan giải quyết");
        assertThat(text("status")).isEqualTo("Đang chuyển đến cơ quan giải quyết");
        assertThat(browser.findElements(By.id("withdraw"))).isEmpty();
        assertThat(status(code)).isEqualTo("IN_TRANSIT_TO_AGENCY");
    }

    @Test
    void aSupplementIsScannedThenTaken() {
        String code = (String) takeIn().get("code");
        upload(code, "TO_KHAI", "to-khai.pdf", Scans.pdf(1));
        upload(code, "GIAY_TO_TUY_THAN", "can-cuoc.png", Scans.png(9));
        agencyAsksForASupplement(code, "Bản chụp hộ chiếu còn hạn");
        signIn(CLERK);
        browser.get(APP.url("/counter/ho-so/" + code));
        assertThat(text("status")).isEqualTo("Cơ quan yêu cầu bổ sung hồ sơ");
        assertThat(text("holder")).contains("Người nộp hồ sơ");
        assertThat(text("supplement-request")).contains("Bản chụp hộ chiếu còn hạn");
        assertThat(text("filed")).matches("Biên nhận số TN-2026-000\\d+ lúc 23/11/2026 09:15 · bàn giao BG\\d+");

        click(By.id("supplement"));
        assertThat(text("supplement-note-error")).contains("Chưa có tệp quét nào của hồ sơ bổ sung");

        // dropped on the document's zone this time
        drop("drop-GIAY_TO_TUY_THAN", "ho-chieu.png", "image/png", Scans.png(5));
        assertThat(waitForUploads("GIAY_TO_TUY_THAN", 1).get(0).getText()).contains("ho-chieu.png", "PNG");
        WebElement note = browser.findElement(By.id("supplement-note"));
        note.clear();
        note.sendKeys("Đã nhận bản chụp hộ chiếu", Keys.ENTER);
        assertThat(text("flash")).startsWith("Đã nhận hồ sơ bổ sung");
        assertThat(text("timeline")).contains("Đã nhận hồ sơ bổ sung", "Đã nhận bản chụp hộ chiếu");
    }

    @Test
    void aReturnOnlyDossierHasNoScansToTake() {
        Map<String, Object> intake = Dossiers.judicialRecord();
        intake.put("serviceForm", "RETURN_ONLY");
        intake.put("agencyReference", "STP-HN-2026-000123");
        Response created = APP.post(CLERK, "/api/dossiers", intake);
        assertThat(created.getStatus()).isEqualTo(201);
        String code = (String) TestApp.json(created).get("code");
        signIn(CLERK);
        browser.get(APP.url("/counter/ho-so/" + code));

        assertThat(text("status")).isEqualTo("Chờ kết quả từ cơ quan");
        assertThat(text("holder")).isEqualTo("Sở Tư pháp Thành phố Hà Nội");
        assertThat(browser.findElements(By.cssSelector(".drop-zone"))).isEmpty();
        assertThat(text("fees-total")).endsWith(" đ");
        assertThat(browser.findElements(By.id("delivery-office")))
                .as("delivered by its own office")
                .isEmpty();
    }

    @Test
    void aResultForAnAddressServedByAnotherOfficeNamesTheDeliveringOffice() {
        Map<String, Object> intake = Dossiers.judicialRecord();
        intake.put(
                "delivery",
                Map.of("method", "HOME", "address", Map.of("street", "Số 9 Lê Lợi", "communeCode", "26740")));
        Response created = APP.post(CLERK, "/api/dossiers", intake);
        assertThat(created.getStatus()).isEqualTo(201);
        String code = (String) TestApp.json(created).get("code");
        signIn(CLERK);
        browser.get(APP.url("/counter/ho-so/" + code));
        assertThat(text("delivery-office")).isEqualTo("Bưu cục Trung tâm Sài Gòn");
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("delivery-office")));
        screenshot("dossier-delivery-office");
    }

    @Test
    void aClerkOfAnotherOfficeIsKeptOutOfThePageAndTheFiles() {
        String code = (String) takeIn().get("code");
        long fileId = upload(code, "TO_KHAI", "to-khai.pdf", Scans.pdf(1));
        signIn(OTHER_CLERK);

        browser.get(APP.url("/counter/ho-so/" + code));
        assertThat(browser.findElement(By.cssSelector(".error-code")).getText()).isEqualTo("403");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Không có quyền truy cập");
        assertThat(browser.getPageSource()).doesNotContain(Dossiers.NAME);
        // still signed in, with the way back to the clerk's own start page
        assertThat(browser.findElements(By.id("signed-in"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector(".error-box a")).getAttribute("href"))
                .endsWith("/counter");

        browser.get(APP.url("/counter/ho-so/" + code + "/tep/" + fileId));
        assertThat(browser.findElement(By.cssSelector(".error-code")).getText()).isEqualTo("403");

        browser.get(APP.url("/counter/ho-so/000.00.15.H26-261202-9999"));
        assertThat(browser.findElement(By.cssSelector(".error-code")).getText()).isEqualTo("404");
    }

    // --- helpers

    private static Map<String, Object> takeIn() {
        Response intake = APP.post(CLERK, "/api/dossiers", Dossiers.judicialRecord());
        assertThat(intake.getStatus()).isEqualTo(201);
        return TestApp.json(intake);
    }

    /** A scan through the JSON API; returns the stored file's id. */
    private static long upload(String code, String component, String name, byte[] content) {
        Response res = APP.upload(
                CLERK,
                code,
                component,
                Multipart.file(name, name.endsWith(".pdf") ? "application/pdf" : "image/png", content));
        assertThat(res.getStatus()).isEqualTo(201);
        List<?> files = (List<?>) TestApp.json(res).get("files");
        return ((Number) ((Map<?, ?>) files.get(0)).get("id")).longValue();
    }

    /**
     * The agency's request for a supplement, written as its event would leave it (status and timeline
     * entry); the whole handover and agency round trip is tested elsewhere.
     */
    private static void agencyAsksForASupplement(String code, String reason) {
        APP.jdbi().useTransaction(h -> {
            long id = h.createQuery("SELECT id FROM dossier WHERE code = :code")
                    .bind("code", code)
                    .mapTo(Long.class)
                    .one();
            // it reached the agency in a handover, which filed it under its own receipt number
            long handover = h.createQuery("INSERT INTO handover (no, agency_code, channel, state, created_at, sent_at, "
                            + "delivered_at) VALUES ('BG' || :id, :agency, 'HTTP', 'DELIVERED', now(), now(), now()) "
                            + "RETURNING id")
                    .bind("id", id)
                    .bind("agency", Dossiers.AGENCY)
                    .mapTo(Long.class)
                    .one();
            h.execute(
                    "INSERT INTO handover_item (handover_id, dossier_id, position, state, components, files, bytes, "
                            + "complete, manifest, receipt_number, received_at) VALUES (?, ?, 1, 'DELIVERED', 2, 2, 1, "
                            + "true, '{}', 'TN-2026-000' || ?, timestamptz '2026-11-23 09:15:00+07')",
                    handover,
                    id,
                    id);
            h.execute("UPDATE dossier SET status = 'SUPPLEMENT_REQUESTED' WHERE id = ?", id);
            h.execute(
                    "INSERT INTO dossier_event (dossier_id, type, from_status, to_status, at, actor, agency_code, note) "
                            + "VALUES (?, 'SUPPLEMENT_REQUESTED', 'IN_PROCESSING', 'SUPPLEMENT_REQUESTED', now(), 'agency', ?, ?)",
                    id,
                    Dossiers.AGENCY,
                    reason);
        });
    }

    private static void signIn(String username) {
        if (username.equals(signedIn)) {
            return;
        }
        browser.manage().deleteAllCookies();
        browser.get(APP.url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(TestApp.PASSWORD, Keys.ENTER);
        waitUntil(d -> d.findElements(By.id("signed-in")).size() == 1);
        signedIn = username;
    }

    /** A file dropped on {@code zoneId} as the browser delivers a drop from the desktop (a DataTransfer with the file). */
    private static void drop(String zoneId, String name, String type, byte[] content) {
        js(
                "const bytes = Uint8Array.from(atob(arguments[1]), c => c.charCodeAt(0));"
                        + "const data = new DataTransfer();"
                        + "data.items.add(new File([bytes], arguments[2], {type: arguments[3]}));"
                        + "const zone = document.getElementById(arguments[0]);"
                        + "zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: data, bubbles: true, cancelable: true}));"
                        + "zone.dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));",
                zoneId,
                java.util.Base64.getEncoder().encodeToString(content),
                name,
                type);
    }

    /** The upload rows of a document not looked at yet, once {@code count} of them have finished (done or refused). */
    private static List<WebElement> waitForUploads(String component, int count) {
        String rows = "#uploads-" + component + " .upload-progress:not(.seen)";
        By finished = By.cssSelector(rows + ".done, " + rows + ".refused");
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.numberOfElementsToBe(finished, count));
        List<WebElement> found = browser.findElements(finished);
        for (WebElement row : found) {
            js("arguments[0].classList.add('seen')", row);
        }
        return found;
    }

    /** Waits, looking again when the page's script replaced what it was looking at. */
    private static void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }

    /**
     * Brings the element into view at once and clicks it. Bootstrap scrolls smoothly, and the PDF
     * viewer of an opened preview may scroll the page as it loads, so a click that lands mid-scroll
     * is tried again.
     */
    private static void click(By by) {
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .ignoring(ElementClickInterceptedException.class)
                .until(d -> {
                    WebElement element = d.findElement(by);
                    js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
                    element.click();
                    return true;
                });
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static String attribute(String id, String name) {
        return browser.findElement(By.id(id)).getAttribute(name);
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** The Content-Type the page's session gets for {@code url}. */
    private static String fetchContentType(String url) {
        return (String) ((JavascriptExecutor) browser)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0], {credentials: 'same-origin'})"
                                + ".then(r => done(r.status + ' ' + r.headers.get('content-type')))"
                                + ".catch(e => done('failed ' + e));",
                        url)
                .toString()
                .replaceFirst("^200 ", "");
    }

    private static String status(String code) {
        return APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT status FROM dossier WHERE code = :code")
                        .bind("code", code)
                        .mapTo(String.class)
                        .one());
    }

    private static long fileRows(String code) {
        return APP.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT count(*) FROM dossier_file f JOIN dossier d ON d.id = f.dossier_id WHERE d.code = :code")
                        .bind("code", code)
                        .mapTo(Long.class)
                        .one());
    }

    /** What the page looked like, kept under target/screenshots for a look by eye. */
    private static void screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target/screenshots"));
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
