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
import org.openqa.selenium.WebDriver;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.support.Browser;
import vn.dossierpost.support.TestApp;

/**
 * A browser that asks for English still gets the pages in UTF-8 with Vietnamese money: FreeMarker
 * would otherwise pick ISO-8859-1 and an English number format from the request's language.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PagesInEnglishBrowserTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    static WebDriver browser;

    @BeforeAll
    static void setUp() {
        browser = BROWSER.start("en-US,en");
    }

    @AfterAll
    static void tearDown() {
        BROWSER.quit();
    }

    @Test
    void vietnameseTextAndMoneyRenderAsWritten() {
        browser.get(APP.url("/bang-phi"));
        String page = browser.findElement(By.id("procedures")).getText();
        assertThat(browser.getTitle()).startsWith("Bảng phí dịch vụ bưu chính công ích");
        assertThat(page).contains("Cấp Phiếu lý lịch tư pháp số 1", "200.000 đ").doesNotContain("200,000", "?");
    }
}
