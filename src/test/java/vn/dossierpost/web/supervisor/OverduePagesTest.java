package vn.dossierpost.web.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.TestApp;

/**
 * The overdue list: each dossier past its leg's due date with who holds the clock (the post while on
 * its way to the agency, the agency while it decides); on time is not listed; an office-bound
 * supervisor sees their office only.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OverduePagesTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static String late;
    static String agencyLate;
    static String onTime;
    static String otherOffice;

    @BeforeAll
    static void setUp() {
        APP.addUser("clerk.a", Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser("clerk.b", Role.COUNTER, Dossiers.OTHER_OFFICE, null);
        APP.addUser("ks", Role.SUPERVISOR, null, null);
        APP.addUser("ks.a", Role.SUPERVISOR, Dossiers.OFFICE, null);
        late = intake("clerk.a");
        agencyLate = intake("clerk.a");
        onTime = intake("clerk.a");
        otherOffice = intake("clerk.b");
        APP.jdbi().useHandle(h -> {
            h.execute("UPDATE dossier SET handover_due = current_date - 3 WHERE code IN (?, ?)", late, otherOffice);
            h.execute(
                    "UPDATE dossier SET status = 'IN_PROCESSING', result_due = current_date - 1 WHERE code = ?",
                    agencyLate);
        });
        APP.addSession("ks");
        APP.addSession("ks.a");
    }

    private static String intake(String clerk) {
        var response = APP.post(clerk, "/api/dossiers", Dossiers.judicialRecord());
        assertThat(response.getStatus()).isEqualTo(201);
        return (String) TestApp.json(response).get("code");
    }

    private static String page(String user, String query) {
        return page(user, "/supervisor/qua-han", query, 200);
    }

    private static String page(String user, String path, String query, int status) {
        try (Response r = APP.page(user, path + query)) {
            assertThat(r.getStatus()).isEqualTo(status);
            return r.readEntity(String.class);
        }
    }

    @Test
    void eachOverdueDossierWithWhoHoldsTheClock() {
        String html = page("ks", "");
        assertThat(html)
                .contains("data-code=\"" + late + "\" data-holder=\"POST\"")
                .contains("data-code=\"" + agencyLate + "\" data-holder=\"AGENCY\"")
                .contains("data-code=\"" + otherOffice + "\" data-holder=\"POST\"")
                .doesNotContain(onTime)
                .contains("Bưu cục Trung tâm Sài Gòn", "Sở Tư pháp Thành phố Hà Nội", "Cơ quan giải quyết");
        assertThat(page("ks", "?agency=000.00.99.H99")).contains("Không có hồ sơ nào quá hạn.");
    }

    @Test
    void theDigitisationReportCountsTheLastThirtyDaysAndNamesAWrongDate() {
        String html = page("ks", "/supervisor/so-hoa", "", 200);
        // four dossiers taken in today at two offices, none scanned: 3 at Hà Nội, 1 at Sài Gòn
        assertThat(html)
                .containsPattern("<td>Bưu cục Trung tâm Hà Nội</td><td class=\"text-end\">3</td>"
                        + "<td class=\"text-end\">0</td><td class=\"text-end rate\">0 %</td>")
                .contains("<td>Bưu cục Trung tâm Sài Gòn</td><td class=\"text-end\">1</td>");
        assertThat(page("ks.a", "/supervisor/so-hoa", "", 200))
                .as("a supervisor bound to an office: that office's lines only")
                .contains("Bưu cục Trung tâm Hà Nội")
                .doesNotContain("Bưu cục Trung tâm Sài Gòn");
        String refused = page("ks", "/supervisor/so-hoa", "?from=2026-12-31&to=2026-01-01", 422);
        assertThat(refused).contains("id=\"error\"", "to: must not be before from");
    }

    @Test
    void anOfficeBoundSupervisorSeesTheirOfficeOnly() {
        String html = page("ks.a", "?agency=");
        assertThat(html).contains(late, agencyLate).doesNotContain(otherOffice).doesNotContain(onTime);
    }
}
