package vn.dossierpost.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Browser;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.PdfCodes;
import vn.dossierpost.support.TestApp;

/**
 * The citizen's phone scans the QR code on the consignment slip and lands on the public page of
 * that dossier, with its journey and nothing personal on it.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SlipQrCodeBrowserTest {
    /** What the slips print; the test serves it from the running app's own address. */
    private static final String PRINTED = "https://tracuu.buudien.example.vn/tra-cuu/";

    static final TestApp APP = new TestApp(ConfigOverride.config("intake.publicTrackingUrl", PRINTED));
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    static WebDriver browser;

    @BeforeAll
    static void setUp() {
        APP.addUser("clerk", Role.COUNTER, Dossiers.OFFICE, null);
        browser = BROWSER.start("vi-VN,vi");
    }

    @AfterAll
    static void tearDown() {
        BROWSER.quit();
    }

    @Test
    void theQrCodeOnTheSlipOpensThePublicPageOfTheDossier() throws Exception {
        Response intake = APP.post("clerk", "/api/dossiers", Dossiers.judicialRecord());
        assertThat(intake.getStatus()).isEqualTo(201);
        Map<String, Object> dossier = TestApp.json(intake);
        byte[] slip = APP.as("clerk", "/api/dossiers/" + dossier.get("code") + "/slip.pdf")
                .get(byte[].class);

        String printed = PdfCodes.qr(slip);
        assertThat(printed).isEqualTo(PRINTED + dossier.get("s10Number"));
        browser.get(APP.url("/tra-cuu/" + printed.substring(PRINTED.length())));

        assertThat(browser.findElement(By.id("code")).getText()).isEqualTo(dossier.get("code"));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Đã tiếp nhận tại bưu cục");
        assertThat(browser.getPageSource())
                .doesNotContain(Dossiers.CITIZEN_ID, Dossiers.PHONE, Dossiers.STREET, Dossiers.NAME);
    }
}
