package vn.dossierpost.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dossierpost.support.TestApp.json;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.TestApp;

@ExtendWith(DropwizardExtensionsSupport.class)
class CalendarResourceTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();

    @BeforeAll
    static void users() {
        APP.addUser("admin", Role.ADMIN, null, null);
        APP.addUser("clerk", Role.COUNTER, "100000", null);
    }

    @Test
    void shippedCalendarHasTet2026AndCompensatesHungKingsDayOnSunday() {
        Map<String, Object> year = json(APP.as("clerk", "/api/calendar/2026").get());
        @SuppressWarnings("unchecked")
        List<Object> off = (List<Object>) year.get("weekdaysOff");
        assertThat(off).contains("2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-04-27");
        assertThat(off).doesNotContain("2026-04-26"); // a Sunday is no weekday
    }

    @Test
    void anAdministratorReplacesAYearAndBadEntriesAreRefused() {
        Map<String, Object> body = Map.of(
                "days",
                List.of(
                        Map.of("date", "2027-01-01", "kind", "HOLIDAY", "name", "Tết Dương lịch"),
                        Map.of("date", "2027-02-05", "kind", "HOLIDAY", "name", "Tết Nguyên đán"),
                        Map.of("date", "2027-02-06", "kind", "HOLIDAY", "name", "Tết Nguyên đán"),
                        Map.of("date", "2027-02-20", "kind", "WORKING_DAY", "name", "Làm bù")));
        Response res = APP.as("admin", "/api/calendar/2027").put(Entity.json(body));
        assertThat(res.getStatus()).isEqualTo(200);
        Map<String, Object> year = json(res);
        assertThat((List<?>) year.get("days")).hasSize(4);
        assertThat((List<Object>) year.get("weekdaysOff")).containsExactly("2027-01-01", "2027-02-05", "2027-02-08");

        Response weekdayWorking = APP.as("admin", "/api/calendar/2027")
                .put(Entity.json(
                        Map.of("days", List.of(Map.of("date", "2027-03-03", "kind", "WORKING_DAY", "name", "sai")))));
        assertThat(weekdayWorking.getStatus()).isEqualTo(422);
        assertThat((String) json(weekdayWorking).get("message")).contains("2027-03-03");

        Response otherYear = APP.as("admin", "/api/calendar/2027")
                .put(Entity.json(
                        Map.of("days", List.of(Map.of("date", "2028-01-03", "kind", "DAY_OFF", "name", "sai")))));
        assertThat(otherYear.getStatus()).isEqualTo(422);

        Response badKind = APP.as("admin", "/api/calendar/2027")
                .put(Entity.json(
                        Map.of("days", List.of(Map.of("date", "2027-01-04", "kind", "SICK_DAY", "name", "sai")))));
        assertThat(badKind.getStatus()).isEqualTo(422);
        assertThat(json(badKind).get("field")).isEqualTo("days[0].kind");

        // refused edits changed nothing
        assertThat((List<?>) json(APP.as("admin", "/api/calendar/2027").get()).get("days"))
                .hasSize(4);
    }
}
