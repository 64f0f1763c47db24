package vn.dossierpost.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.S10Number;
import vn.dossierpost.support.Browser;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.SwitchableProxy;
import vn.dossierpost.support.TestApp;

/**
 * The courier's phone at phone size, through a proxy whose connection the test cuts (the phone
 * losing the network; Chrome's own offline switch would not stop the service worker): the page
 * opens from the phone with no network, updates wait in its queue ("chờ gửi") across a reload and
 * go out in order once the network is back, each recorded once. A race lost to another phone (409)
 * and a wrong identity number (422) are shown on the item; another courier's items are never shown.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CourierPhoneBrowserTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static final String CLERK = "clerk.hn";
    static final String COURIER = "buuta.lan";
    static final String OTHER_COURIER = "buuta.minh";
    static final long AMOUNT = 30_000;

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    static WebDriver browser;
    static SwitchableProxy proxy;
    static long serial = 1000;

    @BeforeAll
    static void setUp() {
        APP.addUser(CLERK, Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser(COURIER, Role.COURIER, Dossiers.OFFICE, null);
        APP.addUser(OTHER_COURIER, Role.COURIER, Dossiers.OFFICE, null);
        assertThat(TestApp.status(APP.as(CLERK, "/api/couriers/" + COURIER + "/communes")
                        .put(Entity.json(Map.of("communes", List.of("00070"))))))
                .isEqualTo(200);
        proxy = new SwitchableProxy(EXT.getLocalPort());
        browser = BROWSER.start("vi-VN,vi", 390, 844);
    }

    /** Each test starts with the network there, whatever the one before left. */
    @BeforeEach
    void online() {
        proxy.restore();
    }

    @AfterAll
    static void tearDown() {
        BROWSER.quit();
        proxy.close();
    }

    /** A home-delivery result arrived at the office and given to {@code courier}; returns its S10. */
    static String itemFor(String courier, String name) {
        Map<String, Object> body = Dossiers.judicialRecord();
        Dossiers.applicant(body).put("fullName", name);
        var response = APP.post(CLERK, "/api/dossiers", body);
        assertThat(response.getStatus()).isEqualTo(201);
        String code = (String) TestApp.json(response).get("code");
        String s10 = S10Number.of("EH", serial++).value();
        APP.jdbi().useHandle(h -> {
            h.execute("UPDATE dossier SET status = 'RESULT_COLLECTED' WHERE code = ?", code);
            h.execute(
                    "INSERT INTO delivery (dossier_id, s10_number, office_code, method, commune_code, amount_due) "
                            + "SELECT id, ?, ?, 'HOME', '00070', ? FROM dossier WHERE code = ?",
                    s10,
                    Dossiers.OFFICE,
                    AMOUNT,
                    code);
        });
        assertThat(TestApp.status(APP.post(CLERK, "/api/deliveries/" + s10 + "/arrival", Map.of())))
                .isEqualTo(200);
        if (!courier.equals(COURIER)) {
            assertThat(TestApp.status(APP.as(CLERK, "/api/deliveries/" + s10 + "/assignment")
                            .put(Entity.json(Map.of("courier", courier)))))
                    .isEqualTo(200);
        }
        return s10;
    }

    static void signIn() {
        browser.manage().deleteAllCookies();
        browser.get(proxy.url("/login"));
        browser.findElement(By.id("username")).sendKeys(COURIER, Keys.TAB, TestApp.PASSWORD, Keys.ENTER);
        waitUntil(d -> d.getCurrentUrl().endsWith("/courier"));
        pageReady();
    }

    static void pageReady() {
        waitUntil(d -> "true".equals(root().getAttribute("data-ready")));
    }

    static WebElement root() {
        return browser.findElement(By.id("courier"));
    }

    static WebElement item(String s10) {
        return browser.findElement(By.id("item-" + s10));
    }

    static void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(condition::apply);
    }

    static String queueCount() {
        return browser.findElement(By.id("queue-count")).getAttribute("textContent");
    }

    /**
     * A tap: the element brought to the middle of the screen first, at once (Bootstrap's smooth
     * scrolling would still be moving when WebDriver clicks), clear of the sticky summary.
     */
    static void tap(WebElement element) {
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    static void deliver(String s10, String idNumber) {
        WebElement item = item(s10);
        tap(item.findElement(By.cssSelector(".act-delivered")));
        WebElement form = item.findElement(By.cssSelector("form.delivered-form"));
        waitUntil(d -> form.isDisplayed());
        WebElement id = form.findElement(By.name("idNumber"));
        id.clear();
        id.sendKeys(idNumber);
        WebElement canvas = form.findElement(By.cssSelector("canvas.signature"));
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", canvas);
        new Actions(browser)
                .moveToElement(canvas, -80, 0)
                .clickAndHold()
                .moveByOffset(30, -20)
                .moveByOffset(30, 30)
                .moveByOffset(40, -25)
                .release()
                .perform();
        tap(form.findElement(By.cssSelector("button[type=submit]")));
    }

    static List<String> attempts(String s10) {
        return APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT a.outcome FROM delivery_attempt a JOIN delivery l "
                                + "ON l.dossier_id = a.dossier_id WHERE l.s10_number = ? ORDER BY a.id")
                        .bind(0, s10)
                        .mapTo(String.class)
                        .list());
    }

    /** The media type of the proof kept with the item's delivery. */
    static String proofType(String s10) {
        return APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT a.proof_media_type FROM delivery_attempt a JOIN delivery l "
                                + "ON l.dossier_id = a.dossier_id WHERE a.outcome = 'DELIVERED' AND l.s10_number = ?")
                        .bind(0, s10)
                        .mapTo(String.class)
                        .one());
    }

    static String status(String s10) {
        return APP.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT d.status FROM dossier d JOIN delivery l ON l.dossier_id = d.id WHERE l.s10_number = ?")
                        .bind(0, s10)
                        .mapTo(String.class)
                        .one());
    }

    static void save(String name) throws IOException {
        ((JavascriptExecutor) browser).executeScript("window.scrollTo({top: 0, behavior: 'instant'})");
        shoot(name);
    }

    /** A screenshot with {@code element} at the top of the screen, under the sticky summary. */
    static void save(String name, WebElement element) throws IOException {
        ((JavascriptExecutor) browser)
                .executeScript(
                        "arguments[0].scrollIntoView({block: 'start', behavior: 'instant'});"
                                + "window.scrollBy({top: -document.querySelector('.courier-top').offsetHeight, behavior: 'instant'})",
                        element);
        shoot(name);
    }

    private static void shoot(String name) throws IOException {
        Files.write(Path.of("/tmp/" + name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    @Order(1)
    void updatesMadeWithoutNetworkAreSentOnceEachAndInOrderWhenItIsBack() throws IOException {
        String s10 = itemFor(COURIER, Dossiers.NAME);
        signIn();
        waitUntil(d -> "ready".equals(root().getAttribute("data-offline")));
        WebElement item = item(s10);
        assertThat(item.findElement(By.cssSelector(".name")).getText()).isEqualTo(Dossiers.NAME);
        assertThat(item.findElement(By.cssSelector(".address")).getText())
                .startsWith(Dossiers.STREET + ", Phường Hoàn Kiếm, ");
        assertThat(item.findElement(By.cssSelector(".map-link")).getAttribute("href"))
                .startsWith("https://www.google.com/maps/search/?api=1&query=S%E1%BB%91+12");
        assertThat(item.findElement(By.cssSelector(".tel-link")).getAttribute("href"))
                .isEqualTo("tel:" + Dossiers.PHONE);
        assertThat(item.findElement(By.cssSelector(".amount")).getText()).isEqualTo("30.000 đ");
        assertThat(item.findElement(By.cssSelector(".attempt")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.cssSelector(".commune-name")).getText())
                .startsWith("Phường Hoàn Kiếm");
        save("courier-today");

        // the network goes: two updates wait on the phone
        proxy.cut();
        tap(item.findElement(By.cssSelector(".act-out")));
        waitUntil(d -> queueCount().equals("1"));
        deliver(s10, Dossiers.CITIZEN_ID);
        waitUntil(d -> queueCount().equals("2"));
        assertThat(item(s10).findElement(By.cssSelector(".pending")).getText()).isEqualTo("Chờ gửi: Đi phát, Đã phát");
        assertThat(attempts(s10)).isEmpty();

        // the page opens again with no network: the kept list, the queue still there
        browser.navigate().refresh();
        pageReady();
        assertThat(queueCount()).isEqualTo("2");
        assertThat(browser.findElement(By.id("queue")).getText()).contains("2 thao tác chờ gửi");
        assertThat(item(s10).findElement(By.cssSelector(".pending")).getText()).isEqualTo("Chờ gửi: Đi phát, Đã phát");
        waitUntil(d -> d.findElement(By.id("connection")).isDisplayed());
        assertThat(browser.findElement(By.id("connection")).getText()).startsWith("Không có mạng");
        assertThat(attempts(s10)).isEmpty();
        save("courier-offline");

        // the first had in fact reached the server before the network went, and only its answer was
        // lost: the phone will send it again, and the resend must change nothing
        var lost = APP.as(COURIER, "/api/deliveries/" + s10 + "/attempts")
                .post(Entity.entity(queued(0), jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE));
        assertThat(TestApp.status(lost)).isEqualTo(200);
        assertThat(attempts(s10)).containsExactly("OUT_FOR_DELIVERY");

        // the network is back: both go, in order, each recorded once
        proxy.restore();
        waitUntil(d -> queueCount().equals("0"));
        assertThat(attempts(s10)).containsExactly("OUT_FOR_DELIVERY", "DELIVERED");
        assertThat(status(s10)).isEqualTo("DELIVERED");
        assertThat(item(s10).findElement(By.cssSelector(".item-status")).getText())
                .isEqualTo("Đã phát kết quả cho người nhận");
        assertThat(browser.findElement(By.id("cash-collected")).getText()).isEqualTo("30.000 đ");
        assertThat(browser.findElement(By.id("amount-to-collect")).getText()).isEqualTo("0 đ");
        String notice = APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT o.payload->>'relation' FROM outbox o JOIN delivery l "
                                + "ON l.dossier_id = o.dossier_id WHERE o.kind = 'AGENCY_NOTICE' "
                                + "AND o.payload->>'type' = 'RESULT_DELIVERED' AND l.s10_number = ?")
                        .bind(0, s10)
                        .mapTo(String.class)
                        .one());
        assertThat(notice).isEqualTo("SELF");
        assertThat(proofType(s10)).isEqualTo("image/png");
        save("courier-sent");

        // the day's end: the cash collected, declared
        assertThat(browser.findElement(By.id("cash-amount")).getAttribute("value"))
                .isEqualTo("30000");
        tap(browser.findElement(By.cssSelector("#cash-form button[type=submit]")));
        waitUntil(d -> d.findElement(By.id("cash-result")).getText().equals("Đã khai nộp 30.000 đ."));
        long declared = APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT amount FROM cash_declaration WHERE courier = ?")
                        .bind(0, COURIER)
                        .mapTo(Long.class)
                        .one());
        assertThat(declared).isEqualTo(AMOUNT);
        browser.navigate().refresh();
        pageReady();
        assertThat(browser.findElement(By.id("cash-collected")).getText()).isEqualTo("30.000 đ");
        assertThat(browser.findElement(By.id("amount-to-collect")).getText()).isEqualTo("0 đ");
    }

    @Test
    @Order(2)
    void aRaceLostToAnotherPhoneIsShownOnTheItemAndNotSentAgain() throws IOException {
        String s10 = itemFor(COURIER, "Trần Văn Đức");
        browser.get(proxy.url("/courier"));
        pageReady();
        tap(item(s10).findElement(By.cssSelector(".act-out")));
        waitUntil(d -> status(s10).equals("OUT_FOR_DELIVERY") && queueCount().equals("0"));

        proxy.cut();
        deliver(s10, Dossiers.CITIZEN_ID);
        waitUntil(d -> queueCount().equals("1"));
        // meanwhile the courier's other phone, which has network, records the delivery after this
        // one did (the recipient signed twice): it reaches the server first
        Map<String, Object> first = Map.of(
                "clientAttemptId", "other-phone-1",
                "outcome", "DELIVERED",
                "recipientName", "Trần Văn Đức",
                "relation", "SELF",
                "idDocumentType", "CCCD",
                "idNumber", Dossiers.CITIZEN_ID,
                "proof", Map.of("mediaType", "image/png", "base64", png()));
        assertThat(TestApp.status(APP.post(COURIER, "/api/deliveries/" + s10 + "/attempts", first)))
                .isEqualTo(200);

        proxy.restore();
        waitUntil(d -> queueCount().equals("0"));
        WebElement problem = item(s10).findElement(By.cssSelector(".problem"));
        waitUntil(d -> problem.isDisplayed());
        assertThat(problem.getText())
                .startsWith("Đã phát: không ghi nhận được vì bưu gửi đã thay đổi")
                .contains("Máy chủ trả lời: the item is not out for delivery; it is DELIVERED");
        assertThat(attempts(s10)).containsExactly("OUT_FOR_DELIVERY", "DELIVERED");
        save("courier-409", item(s10));

        // shown until read, then gone; nothing is sent again
        tap(problem.findElement(By.cssSelector(".dismiss-problem")));
        waitUntil(d -> !problem.isDisplayed());
        browser.navigate().refresh();
        pageReady();
        assertThat(item(s10).findElement(By.cssSelector(".problem")).isDisplayed())
                .isFalse();
        assertThat(attempts(s10)).hasSize(2);
    }

    @Test
    @Order(2)
    void anUpdateCarryingAnEarlierSessionsTokenIsSentWithTheCurrentOneNotDropped() {
        String s10 = itemFor(COURIER, "Đỗ Thị Thu");
        browser.get(proxy.url("/courier"));
        pageReady();
        // the page the phone shows holds a token the session no longer has (as a page kept from an
        // earlier session would): the 403 fetches this session's token and the update goes through
        APP.jdbi()
                .useHandle(h -> h.execute(
                        "UPDATE web_session SET csrf_token = 'renewed-' || csrf_token WHERE username = ?", COURIER));
        tap(item(s10).findElement(By.cssSelector(".act-out")));
        waitUntil(d -> status(s10).equals("OUT_FOR_DELIVERY") && queueCount().equals("0"));
        assertThat(attempts(s10)).containsExactly("OUT_FOR_DELIVERY");
        assertThat(item(s10).findElement(By.cssSelector(".problem")).isDisplayed())
                .isFalse();
    }

    @Test
    @Order(3)
    void aWrongIdNumberIsShownAsTheServersAnswerAndTheFormComesBackAsTyped() throws IOException {
        String s10 = itemFor(COURIER, "Phạm Thị Mai");
        browser.get(proxy.url("/courier"));
        pageReady();
        tap(item(s10).findElement(By.cssSelector(".act-out")));
        waitUntil(d -> status(s10).equals("OUT_FOR_DELIVERY") && queueCount().equals("0"));

        deliver(s10, "001190999999");
        WebElement problem = item(s10).findElement(By.cssSelector(".problem"));
        waitUntil(d -> problem.isDisplayed());
        assertThat(problem.getText())
                .startsWith("Đã phát: thông tin chưa đúng, máy chủ không nhận.")
                .contains("Số giấy tờ — does not match the applicant's");
        assertThat(queueCount()).isEqualTo("0");
        assertThat(attempts(s10)).containsExactly("OUT_FOR_DELIVERY");
        WebElement form = item(s10).findElement(By.cssSelector("form.delivered-form"));
        assertThat(form.isDisplayed()).isTrue();
        assertThat(form.findElement(By.name("idNumber")).getAttribute("value")).isEqualTo("001190999999");
        save("courier-422", item(s10));

        // what was typed survives closing the page
        browser.navigate().refresh();
        pageReady();
        WebElement again = item(s10).findElement(By.cssSelector("form.delivered-form"));
        assertThat(again.isDisplayed()).isTrue();
        assertThat(again.findElement(By.name("idNumber")).getAttribute("value")).isEqualTo("001190999999");
        assertThat(status(s10)).isEqualTo("OUT_FOR_DELIVERY");

        // corrected, with a photo from the camera (12 megapixels) made a JPEG of at most 2 MB on the phone
        Path photo = Files.createTempFile("anh-phat", ".jpg");
        Files.write(photo, bigPhoto());
        assertThat(Files.size(photo)).isGreaterThan(2L * 1024 * 1024);
        again.findElement(By.cssSelector(".photo-input")).sendKeys(photo.toString());
        waitUntil(
                d -> again.findElement(By.cssSelector(".photo-note")).getText().startsWith("Ảnh "));
        WebElement id = again.findElement(By.name("idNumber"));
        id.clear();
        id.sendKeys(Dossiers.CITIZEN_ID);
        tap(again.findElement(By.cssSelector("button[type=submit]")));
        waitUntil(d -> status(s10).equals("DELIVERED"));
        waitUntil(d -> queueCount().equals("0"));
        assertThat(attempts(s10)).containsExactly("OUT_FOR_DELIVERY", "DELIVERED");
        assertThat(proofType(s10)).isEqualTo("image/jpeg");
        Files.delete(photo);
    }

    /** A noisy 4000 × 3000 JPEG of more than 2 MB, as a phone's camera takes. */
    static byte[] bigPhoto() throws IOException {
        BufferedImage image = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < 3000; y++) {
            for (int x = 0; x < 4000; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var param = writer.getDefaultWriteParam();
        param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.95f);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
        }
        writer.dispose();
        return out.toByteArray();
    }

    @Test
    @Order(4)
    void aCourierNeverSeesAnotherCouriersItems() throws IOException {
        String mine = itemFor(COURIER, "Hoàng Văn Nam");
        String theirs = itemFor(OTHER_COURIER, "Đỗ Thị Lan");
        browser.get(proxy.url("/courier"));
        pageReady();
        assertThat(browser.findElements(By.id("item-" + mine))).hasSize(1);
        assertThat(browser.findElements(By.id("item-" + theirs))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(theirs).doesNotContain("Đỗ Thị Lan");

        // the API with the page's session: the list holds none of theirs, their item is refused
        assertThat(fetch("GET", "/api/courier/deliveries", null, true))
                .startsWith("200 ")
                .contains(mine)
                .doesNotContain(theirs);
        assertThat(fetch("GET", "/api/deliveries/" + theirs, null, true)).startsWith("403 ");
        String out = "{\"clientAttemptId\": \"x-1\", \"outcome\": \"OUT_FOR_DELIVERY\"}";
        assertThat(fetch("POST", "/api/deliveries/" + theirs + "/attempts", out, true))
                .startsWith("403 ")
                .doesNotContain("Đỗ Thị Lan");
        // a change through the session without the CSRF header is refused before anything is done
        assertThat(fetch("POST", "/api/deliveries/" + mine + "/attempts", out, false))
                .startsWith("403 ");
        assertThat(attempts(mine)).isEmpty();
        assertThat(attempts(theirs)).isEmpty();

        // the courier's own item: out, then not at home; the next attempt's date is shown
        tap(item(mine).findElement(By.cssSelector(".act-out")));
        waitUntil(d -> status(mine).equals("OUT_FOR_DELIVERY") && queueCount().equals("0"));
        tap(item(mine).findElement(By.cssSelector(".act-failed")));
        WebElement form = item(mine).findElement(By.cssSelector("form.failed-form"));
        waitUntil(d -> form.isDisplayed());
        new org.openqa.selenium.support.ui.Select(form.findElement(By.name("reason"))).selectByValue("NOT_AT_HOME");
        new org.openqa.selenium.support.ui.Select(form.findElement(By.name("action"))).selectByValue("RETRY");
        save("courier-failed-form", item(mine));
        tap(form.findElement(By.cssSelector("button[type=submit]")));
        waitUntil(d -> status(mine).equals("DELIVERY_FAILED") && queueCount().equals("0"));
        waitUntil(d -> !item(mine).findElements(By.cssSelector(".next-attempt")).isEmpty());
        assertThat(item(mine).findElement(By.cssSelector(".next-attempt")).getText())
                .matches("\\d{2}/\\d{2}/\\d{4}");
        assertThat(item(mine).findElement(By.cssSelector(".item-status")).getText())
                .isEqualTo("Phát không thành công");
        assertThat(attempts(mine)).containsExactly("OUT_FOR_DELIVERY", "FAILED");

        // installable: the manifest the page names, and its icons
        assertThat(browser.findElement(By.cssSelector("link[rel=manifest]")).getAttribute("href"))
                .endsWith("/assets/courier-manifest.json");
        assertThat(fetch("GET", "/assets/courier-manifest.json", null, false))
                .startsWith("200 ")
                .contains("\"start_url\": \"/courier\"", "\"display\": \"standalone\"");
        for (String icon : List.of("courier-icon-192.png", "courier-icon-512.png", "courier-icon.svg")) {
            assertThat(fetch("GET", "/assets/" + icon, null, false)).as(icon).startsWith("200 ");
        }

        // signing out leaves no applicant's data in the phone's cache
        assertThat(cacheNames()).contains("dossierpost-courier-v1");
        tap(browser.findElement(By.id("logout")));
        waitUntil(d -> d.getCurrentUrl().endsWith("/login"));
        assertThat(cacheNames()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    static List<String> cacheNames() {
        return (List<String>) ((JavascriptExecutor) browser)
                .executeAsyncScript("const done = arguments[arguments.length - 1]; caches.keys().then(done);");
    }

    /** The body of the phone's {@code index}th queued update, as it will send it. */
    static String queued(int index) {
        return (String) ((JavascriptExecutor) browser)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1], index = arguments[0];"
                                + "const open = indexedDB.open('dossierpost-courier');"
                                + "open.onsuccess = () => {"
                                + "  const all = open.result.transaction('queue').objectStore('queue').getAll();"
                                + "  all.onsuccess = () => { done(JSON.stringify(all.result[index].body)); open.result.close(); };"
                                + "};",
                        index);
    }

    /** Calls the API from the page with its session (and its CSRF token when {@code csrf}); "status body". */
    static String fetch(String method, String path, String body, boolean csrf) {
        return (String) ((JavascriptExecutor) browser)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "const headers = {'Content-Type': 'application/json'};"
                                + "if (arguments[3]) headers['X-CSRF-Token'] ="
                                + " document.querySelector('meta[name=\"csrf-token\"]').content;"
                                + "fetch(arguments[1], {method: arguments[0], headers: headers, body: arguments[2],"
                                + " credentials: 'same-origin'})"
                                + ".then(r => r.text().then(t => done(r.status + ' ' + t)), e => done('error ' + e));",
                        method,
                        path,
                        body,
                        csrf);
    }

    /** A small signature-like PNG, as another phone would send. */
    static String png() {
        try {
            BufferedImage image = new BufferedImage(60, 20, BufferedImage.TYPE_INT_RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
