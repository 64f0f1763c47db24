package vn.dossierpost.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.glassfish.jersey.client.ClientProperties;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.agencysim.AgencySimulator;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Browser;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.Handovers;
import vn.dossierpost.support.TestApp;
import vn.dossierpost.web.Cookies;

/**
 * The administrator's screens in a real browser: an agency pointed at a running simulator and
 * checked with "test connection" (a signed probe, answered only with the right secret); a clerk
 * disabled on the users page is refused on their very next API call and page load, on both nodes; a user added, a
 * password reset and a token issued each show their secret once, and it works at once.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AdminPagesBrowserTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    /** A second node on the same database: the clerk's next request there is refused as well. */
    static final TestApp NODE_B = TestApp.sharingDatabaseWith(APP);

    static final DropwizardAppExtension<DossierpostConfiguration> EXT_B = NODE_B.extension();
    static final String ADMIN = "quan.tri";
    static final String CLERK = "lan.disabled";
    static final Client CLIENT = ClientBuilder.newClient();

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    static AgencySimulator agency;
    static WebDriver browser;

    @BeforeAll
    static void setUp() throws Exception {
        APP.addUser(ADMIN, Role.ADMIN, null, null);
        APP.addUser(CLERK, Role.COUNTER, Dossiers.OFFICE, null);
        agency = AgencySimulator.builder(Handovers.SECRET)
                .basePath("/mot-cua/api")
                .start();
        browser = BROWSER.start("vi-VN,vi");
    }

    @AfterAll
    static void tearDown() {
        BROWSER.quit();
        agency.close();
        CLIENT.close();
    }

    @Test
    void anAgencyIsPointedAtTheSimulatorAndTheConnectionTested() throws Exception {
        signIn(ADMIN);
        follow("Cơ quan", "/admin/co-quan");
        save("admin-agencies");
        browser.findElement(By.cssSelector("#agencies a[href='/admin/co-quan/" + Dossiers.AGENCY + "']"))
                .click();

        // the form shows the fields of the channel chosen
        new Select(browser.findElement(By.id("channel"))).selectByValue("SFTP");
        assertThat(browser.findElement(By.id("sftpHost")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("baseUrl")).isDisplayed()).isFalse();
        save("admin-agency-sftp");

        // a wrong value is shown beside its field, nothing is saved
        new Select(browser.findElement(By.id("channel"))).selectByValue("HTTP");
        assertThat(browser.findElement(By.id("sftpHost")).isDisplayed()).isFalse();
        type("baseUrl", agency.baseUrl());
        type("batchWindowMs", "10");
        press("save");
        assertThat(browser.findElement(By.id("error-batchWindowMs")).getText()).contains("50");
        save("admin-agency-422");
        assertThat(browser.findElement(By.id("baseUrl")).getAttribute("value")).isEqualTo(agency.baseUrl());

        type("batchWindowMs", "200");
        browser.findElement(By.id("secret")).sendKeys(Handovers.SECRET);
        press("save");
        assertThat(browser.findElement(By.id("flash")).getText()).contains("Đã lưu");
        assertThat(browser.findElement(By.id("secret-state")).getText()).isEqualTo("đã đặt");
        assertThat(browser.findElement(By.id("secret")).getAttribute("value")).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(Handovers.SECRET);
        // saving rebuilt the route before answering
        assertThat(browser.findElement(By.id("route")).getText()).contains("đang chạy");

        press("test-connection");
        WebElement check = browser.findElement(By.id("check"));
        assertThat(check.getText())
                .contains("Kết nối được")
                .contains("HTTP 200")
                .contains("signature verified")
                .contains(" ms");
        save("admin-agency");

        // another secret: the agency refuses the signature, and the page says so
        browser.findElement(By.id("secret")).sendKeys("mot-khoa-bi-mat-khac-han-2026");
        press("save");
        assertThat(browser.findElement(By.id("flash")).getText()).contains("Đã lưu");
        press("test-connection");
        assertThat(browser.findElement(By.id("check")).getText())
                .contains("Không kết nối được")
                .contains("HTTP 400")
                .contains("X-Dossierpost-Signature");
    }

    @Test
    void aDisabledUserIsRefusedOnTheirNextApiCallAndPageLoad() throws Exception {
        String session = clerkSession();
        for (TestApp node : new TestApp[] {APP, NODE_B}) {
            assertThat(TestApp.status(page(node, "/counter", session))).isEqualTo(200);
            assertThat(api(node, CLERK, TestApp.PASSWORD)).isEqualTo(200); // and the node remembers the password
        }

        signIn(ADMIN);
        follow("Người dùng", "/admin/nguoi-dung");
        clickAndWaitForThePage(userButton(CLERK, "disable"));
        assertThat(browser.findElement(By.id("flash")).getText()).contains(CLERK);
        assertThat(row(CLERK).getText()).contains("đã khóa");
        save("admin-users");

        for (TestApp node : new TestApp[] {NODE_B, APP}) {
            assertThat(api(node, CLERK, TestApp.PASSWORD)).isEqualTo(401);
            try (Response next = page(node, "/counter", session)) {
                assertThat(next.getStatus()).isEqualTo(303);
                assertThat(next.getLocation().getPath()).isEqualTo("/login");
            }
        }
        // and signing in again is refused
        browser.findElement(By.id("logout")).click();
        browser.get(APP.url("/login"));
        browser.findElement(By.id("username")).sendKeys(CLERK, Keys.TAB, TestApp.PASSWORD, Keys.ENTER);
        assertThat(browser.findElement(By.id("login-error")).isDisplayed()).isTrue();
        assertThat(browser.getCurrentUrl()).contains("/login");

        // enabled again with a new password: the one shown works, the old one no longer does
        signIn(ADMIN);
        browser.get(APP.url("/admin/nguoi-dung"));
        clickAndWaitForThePage(userButton(CLERK, "enable"));
        clickAndWaitForThePage(userButton(CLERK, "password"));
        String password = browser.findElement(By.id("one-time-secret")).getText();
        assertThat(api(CLERK, password)).isEqualTo(200);
        assertThat(api(CLERK, TestApp.PASSWORD)).isEqualTo(401);
        browser.navigate().refresh();
        browser.get(APP.url("/admin/nguoi-dung"));
        assertThat(browser.getPageSource()).doesNotContain(password);
    }

    @Test
    void aUserIsAddedWithAOneTimePasswordAndGivenAToken() throws Exception {
        signIn(ADMIN);
        browser.get(APP.url("/admin/nguoi-dung"));
        browser.findElement(By.id("username")).sendKeys("hoa.moi");
        browser.findElement(By.id("fullName")).sendKeys("Nguyễn Thị Hoa");
        new Select(browser.findElement(By.id("role"))).selectByValue("COUNTER");
        press("add");
        assertThat(browser.findElement(By.id("error-officeCode")).getText()).contains("COUNTER");
        assertThat(browser.findElement(By.id("username")).getAttribute("value")).isEqualTo("hoa.moi");

        new Select(browser.findElement(By.id("officeCode"))).selectByValue(Dossiers.OFFICE);
        press("add");
        assertThat(browser.findElement(By.id("one-time")).getText()).contains("hoa.moi");
        String password = browser.findElement(By.id("one-time-secret")).getText();
        save("admin-one-time-password");
        assertThat(api("hoa.moi", password)).isEqualTo(200);
        assertThat(row("hoa.moi").getText()).contains("Nguyễn Thị Hoa").contains("hoạt động");

        clickAndWaitForThePage(userButton("hoa.moi", "token"));
        String token = browser.findElement(By.id("one-time-secret")).getText();
        assertThat(bearer(token)).isEqualTo(200);
        clickAndWaitForThePage(userButton("hoa.moi", "revoke-token"));
        assertThat(bearer(token)).isEqualTo(401);
    }

    @Test
    void aDayOffIsAddedToTheCalendarAndRemoved() throws Exception {
        signIn(ADMIN);
        browser.get(APP.url("/admin/lich/2031"));
        // a Thursday; set as the date input holds it (what it shows depends on the browser's locale)
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].value = '2031-01-09'", browser.findElement(By.id("date")));
        new Select(browser.findElement(By.id("kind"))).selectByValue("WORKING_DAY");
        browser.findElement(By.id("name")).sendKeys("Làm bù Tết");
        press("add");
        assertThat(browser.findElement(By.id("error-days")).getText()).contains("Saturday or Sunday");

        new Select(browser.findElement(By.id("kind"))).selectByValue("DAY_OFF");
        press("add");
        assertThat(browser.findElement(By.id("flash")).getText()).contains("2031-01-09");
        assertThat(browser.findElement(By.id("days")).getText()).contains("09/01/2031 (Thứ Năm)");
        save("admin-calendar");
        assertThat(TestApp.json(APP.as(ADMIN, "/api/calendar/2031").get()).toString())
                .contains("2031-01-09");

        browser.findElement(By.cssSelector("#days tr[data-date='2031-01-09'] button.remove"))
                .click();
        // the form posts and the page comes back: wait for the new page rather than read the old one
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> !d.findElement(By.id("days")).getText().contains("09/01/2031"));
        assertThat(browser.findElement(By.id("flash")).getText()).isNotBlank();
    }

    private static void signIn(String username) {
        browser.manage().deleteAllCookies();
        browser.get(APP.url("/login?next=%2Ftrang-chu"));
        browser.findElement(By.id("username")).sendKeys(username, Keys.TAB, TestApp.PASSWORD, Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlMatches(".*/trang-chu$"));
    }

    /** Clicks the button, scrolled to the middle of the window first at once (the agency form is taller than 768 px; Bootstrap scrolls smoothly). */
    private static void press(String id) {
        WebElement button = browser.findElement(By.id(id));
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button);
        button.click();
    }

    /** Follows a navigation link and waits until its page is the one shown. */
    private static void follow(String linkText, String path) {
        browser.findElement(By.linkText(linkText)).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*" + path + "$"));
    }

    /** Clicks a form's button and waits for the answer's page (the change is made by then). */
    private static void clickAndWaitForThePage(WebElement button) {
        Browser.toNextPage(browser, button::click);
    }

    private static void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private static WebElement row(String username) {
        return browser.findElement(By.cssSelector("#users tr[data-username='" + username + "']"));
    }

    private static WebElement userButton(String username, String action) {
        return row(username).findElement(By.cssSelector("button[value='" + action + "']"));
    }

    /** The clerk signed in with the form, as a second browser would: their session cookie. */
    private static String clerkSession() {
        Response form = CLIENT.target(APP.url("/login")).request("text/html").get();
        String token = form.getCookies().get(Cookies.LOGIN_CSRF).getValue();
        form.close();
        try (Response signedIn = CLIENT.target(APP.url("/login"))
                .property(ClientProperties.FOLLOW_REDIRECTS, false)
                .request("text/html")
                .cookie(Cookies.LOGIN_CSRF, token)
                .post(Entity.form(new Form("username", CLERK)
                        .param("password", TestApp.PASSWORD)
                        .param("_csrf", token)))) {
            assertThat(signedIn.getStatus()).isEqualTo(303);
            return signedIn.getCookies().get(Cookies.SESSION).getValue();
        }
    }

    private static Response page(TestApp node, String path, String session) {
        return CLIENT.target(node.url(path))
                .property(ClientProperties.FOLLOW_REDIRECTS, false)
                .request("text/html")
                .cookie(Cookies.SESSION, session)
                .get();
    }

    private static int api(String username, String password) {
        return api(APP, username, password);
    }

    private static int api(TestApp node, String username, String password) {
        String basic = "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return TestApp.status(CLIENT.target(node.url("/api/procedures"))
                .request()
                .header("Authorization", basic)
                .get());
    }

    private static int bearer(String token) {
        return TestApp.status(CLIENT.target(APP.url("/api/procedures"))
                .request()
                .header("Authorization", "Bearer " + token)
                .get());
    }

    private static void save(String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target/screenshots"));
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
