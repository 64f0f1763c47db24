package vn.dossierpost.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dossierpost.support.TestApp.json;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.TestApp;

/**
 * The counter's end-of-day page over plain HTTP: the day's money per clerk and method as
 * {@code GET /api/counter-day} counts it, the supervisor's "Chốt ngày" (once), and bad input
 * shown on the page.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CounterDayPagesTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static final String CLERK = "thu.ngan";
    static final String SUPERVISOR = "ks.buucuc";
    static final String NATIONAL = "ks.toanquoc";

    @BeforeAll
    static void setUp() {
        APP.addUser(CLERK, Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser(SUPERVISOR, Role.SUPERVISOR, Dossiers.OFFICE, null);
        APP.addUser(NATIONAL, Role.SUPERVISOR, null, null);
        List.of(CLERK, SUPERVISOR, NATIONAL).forEach(APP::addSession);
    }

    private static String today() {
        return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
    }

    @Test
    void theDayShowsTheCashPerClerkAndASupervisorClosesItOnce() {
        Map<String, Object> body = Dossiers.judicialRecord();
        body.put("paymentMethod", "CASH");
        try (Response res = APP.post(CLERK, "/api/dossiers", body)) {
            assertThat(res.getStatus()).as(json(res).toString()).isEqualTo(201);
        }
        long cash;
        try (Response res = APP.as(CLERK, "/api/counter-day?date=" + today()).get()) {
            cash = ((Number) json(res).get("cashInDrawer")).longValue();
        }
        assertThat(cash).isGreaterThan(200_000);
        String shown = String.format(Locale.forLanguageTag("vi-VN"), "%,d", cash); // 256.000

        String clerkPage;
        try (Response r = get(CLERK, "/counter/cuoi-ngay")) {
            assertThat(r.getStatus()).isEqualTo(200);
            clerkPage = r.readEntity(String.class);
        }
        assertThat(clerkPage)
                .contains("Cuối ngày tại quầy", "id=\"cash-in-drawer\">" + shown + " đ")
                .contains("data-method=\"CASH\" data-state=\"PAID\"", CLERK, "Tiền mặt")
                .doesNotContain("id=\"close-day\"");
        // a clerk does not close the day
        try (Response r = post(CLERK, "/counter/cuoi-ngay/chot", new Form("date", today()))) {
            assertThat(r.getStatus()).isEqualTo(403);
        }

        try (Response r = get(SUPERVISOR, "/counter/cuoi-ngay?date=" + today())) {
            assertThat(r.readEntity(String.class)).contains("id=\"close-day\"", "Chốt ngày");
        }
        try (Response r = post(SUPERVISOR, "/counter/cuoi-ngay/chot", new Form("date", today()))) {
            assertThat(r.getStatus()).isEqualTo(303);
            assertThat(r.getLocation().toString()).endsWith("/counter/cuoi-ngay?date=" + today());
        }
        try (Response r = get(CLERK, "/counter/cuoi-ngay?date=" + today())) {
            assertThat(r.readEntity(String.class))
                    .contains("id=\"closed\"", "Ngày đã được chốt bởi " + SUPERVISOR)
                    .doesNotContain("id=\"close-day\"");
        }
        try (Response r = post(SUPERVISOR, "/counter/cuoi-ngay/chot", new Form("date", today()))) {
            assertThat(r.getStatus()).isEqualTo(409);
            assertThat(r.readEntity(String.class)).contains("id=\"refusal\"", "closed already");
        }
    }

    @Test
    void badInputIsShownOnThePageAndNationalStaffChooseTheOffice() {
        try (Response r = get(CLERK, "/counter/cuoi-ngay?date=2026-02-30")) {
            assertThat(r.getStatus()).isEqualTo(422);
            assertThat(r.readEntity(String.class))
                    .contains("id=\"refusal\"", "date must be a day as YYYY-MM-DD", "value=\"2026-02-30\"");
        }
        try (Response r = post(
                SUPERVISOR,
                "/counter/cuoi-ngay/chot",
                new Form("date", LocalDate.now().plusDays(3).toString()))) {
            assertThat(r.getStatus()).isEqualTo(422);
            assertThat(r.readEntity(String.class)).contains("id=\"refusal\"", "is in the future");
        }
        try (Response r = get(NATIONAL, "/counter/cuoi-ngay")) {
            assertThat(r.getStatus()).isEqualTo(200);
            assertThat(r.readEntity(String.class))
                    .contains("id=\"office\"", "— Chọn bưu cục —")
                    .doesNotContain("id=\"cash-in-drawer\"");
        }
        try (Response r = get(NATIONAL, "/counter/cuoi-ngay?office=" + Dossiers.OFFICE + "&date=2025-01-02")) {
            assertThat(r.getStatus()).isEqualTo(200);
            assertThat(r.readEntity(String.class)).contains("id=\"cash-in-drawer\">0 đ", "id=\"close-day\"");
        }
    }

    private static Response get(String user, String path) {
        return APP.page(user, path);
    }

    private static Response post(String user, String path, Form form) {
        return APP.postForm(user, path, form);
    }
}
