package vn.dossierpost.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dossierpost.support.TestApp.json;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.Multipart;
import vn.dossierpost.support.Scans;
import vn.dossierpost.support.TestApp;

/** The supervisors' digitisation rate per office and day. */
@ExtendWith(DropwizardExtensionsSupport.class)
class DigitisationReportTest {
    static final TestApp APP =
            new TestApp(ConfigOverride.config("dataDir", TestApp.newDataDir().toString()));
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();

    @BeforeAll
    static void users() {
        APP.addUser("clerk.hn", Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser("clerk.hcm", Role.COUNTER, Dossiers.OTHER_OFFICE, null);
        APP.addUser("supervisor", Role.SUPERVISOR, null, null);
    }

    static String takeIn(String clerk) {
        return (String) json(APP.post(clerk, "/api/dossiers", Dossiers.judicialRecord()))
                .get("code");
    }

    static void digitise(String clerk, String code) {
        assertThat(TestApp.status(
                        APP.upload(clerk, code, "TO_KHAI", Multipart.file("a.pdf", "application/pdf", Scans.pdf(1)))))
                .isEqualTo(201);
        assertThat(TestApp.status(APP.upload(
                        clerk,
                        code,
                        "GIAY_TO_TUY_THAN",
                        Multipart.file("b.png", "image/png", Scans.png(code.hashCode())))))
                .isEqualTo(201);
    }

    @Test
    void perOfficeAndDayReceivedDigitisedAndRate() {
        // Hà Nội: 4 received, 3 digitised; another with only one document scanned does not count
        for (int i = 0; i < 3; i++) {
            digitise("clerk.hn", takeIn("clerk.hn"));
        }
        String half = takeIn("clerk.hn");
        APP.upload("clerk.hn", half, "TO_KHAI", Multipart.file("a.pdf", "application/pdf", Scans.pdf(1)))
                .close();
        // Hồ Chí Minh: 2 received, 1 digitised
        digitise("clerk.hcm", takeIn("clerk.hcm"));
        takeIn("clerk.hcm");

        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        Response res = APP.as("supervisor", "/api/reports/digitisation?from=" + today + "&to=" + today)
                .get();
        assertThat(res.getStatus()).isEqualTo(200);
        Map<String, Object> report = json(res);
        List<Map<String, Object>> days = list(report, "days");
        assertThat(days).hasSize(2);
        Map<String, Object> hn = days.stream()
                .filter(d -> Dossiers.OFFICE.equals(d.get("officeCode")))
                .findFirst()
                .orElseThrow();
        assertThat(hn.get("day")).isEqualTo(today);
        assertThat(hn.get("received")).isEqualTo(4);
        assertThat(hn.get("digitised")).isEqualTo(3);
        assertThat(hn.get("rate")).isEqualTo(0.75);
        assertThat((String) hn.get("officeName")).isNotBlank();
        Map<String, Object> hcm = list(report, "offices").stream()
                .filter(d -> Dossiers.OTHER_OFFICE.equals(d.get("officeCode")))
                .findFirst()
                .orElseThrow();
        assertThat(hcm.get("received")).isEqualTo(2);
        assertThat(hcm.get("rate")).isEqualTo(0.5);

        String yesterday = LocalDate.parse(today).minusDays(1).toString();
        assertThat(list(
                        json(APP.as("supervisor", "/api/reports/digitisation?from=" + yesterday + "&to=" + yesterday)
                                .get()),
                        "days"))
                .isEmpty();
    }

    @Test
    void onlySupervisorsAndTheDatesMustMakeSense() {
        assertThat(TestApp.status(APP.as("clerk.hn", "/api/reports/digitisation?from=2026-01-01&to=2026-01-31")
                        .get()))
                .isEqualTo(403);
        expect422("", "from");
        expect422("?from=2026-01-01", "to");
        expect422("?from=01/01/2026&to=2026-01-31", "from");
        expect422("?from=2026-02-01&to=2026-01-31", "to");
        expect422("?from=2024-01-01&to=2026-01-31", "to");
    }

    private static void expect422(String query, String field) {
        Response res = APP.as("supervisor", "/api/reports/digitisation" + query).get();
        assertThat(res.getStatus()).as(query).isEqualTo(422);
        assertThat(json(res).get("field")).as(query).isEqualTo(field);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> report, String key) {
        return (List<Map<String, Object>>) report.get(key);
    }
}
