package vn.dossierpost.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Browser;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.TestApp;

/** A clerk signs in with the keyboard alone, is refused a wrong password, lands on the counter, signs out. */
@ExtendWith(DropwizardExtensionsSupport.class)
class SignInBrowserTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    static WebDriver browser;

    @BeforeAll
    static void setUp() {
        APP.addUser("clerk", Role.COUNTER, Dossiers.OFFICE, null);
        APP.jdbi()
                .useHandle(h -> h.execute("UPDATE app_user SET full_name = 'Nguyễn Văn An' WHERE username = 'clerk'"));
        browser = BROWSER.start("vi-VN,vi");
    }

    @AfterAll
    static void tearDown() {
        BROWSER.quit();
    }

    @Test
    void aClerkSignsInReachesTheCounterAndSignsOut() {
        browser.get(APP.url("/counter"));
        assertThat(browser.getCurrentUrl()).endsWith("/login?next=%2Fcounter");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Đăng nhập");

        // the username field has the focus; Enter sends the form
        Browser.toNextPage(
                browser,
                () -> browser.switchTo().activeElement().sendKeys("clerk", Keys.TAB, "sai-mat-khau", Keys.ENTER));
        assertThat(browser.findElement(By.id("login-error")).getText())
                .isEqualTo("Tên đăng nhập hoặc mật khẩu không đúng.");
        assertThat(browser.getCurrentUrl()).contains("/login");
        assertThat(browser.findElement(By.id("username")).getAttribute("value")).isEqualTo("clerk");

        // after a refusal the password field has the focus
        Browser.toNextPage(browser, () -> browser.switchTo().activeElement().sendKeys(TestApp.PASSWORD, Keys.ENTER));
        assertThat(browser.getCurrentUrl()).endsWith("/counter");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Hôm nay");
        assertThat(browser.findElement(By.id("greeting")).getText()).isEqualTo("Xin chào, Nguyễn Văn An");
        assertThat(browser.findElement(By.id("office")).getText()).isEqualTo("Bưu cục Trung tâm Hà Nội");
        assertThat(browser.findElement(By.id("signed-in")).getText())
                .contains("Nguyễn Văn An", "Bưu cục Trung tâm Hà Nội", "Giao dịch viên");

        // a public page shows who is signed in too
        browser.get(APP.url("/bang-phi"));
        assertThat(browser.findElement(By.id("staff-name")).getText()).isEqualTo("Nguyễn Văn An");

        Browser.toNextPage(browser, () -> browser.findElement(By.id("logout")).click());
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        assertThat(browser.findElements(By.id("signed-in"))).isEmpty();
        browser.get(APP.url("/counter"));
        assertThat(browser.getCurrentUrl()).endsWith("/login?next=%2Fcounter");
    }
}
