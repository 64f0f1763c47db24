package vn.dossierpost.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dossierpost.support.TestApp.json;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.DossierCode;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.S10Number;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.TestApp;

@ExtendWith(DropwizardExtensionsSupport.class)
class IntakeResourceTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static final String CLERK = "clerk.hn";

    @BeforeAll
    static void users() {
        APP.addUser(CLERK, Role.COUNTER, Dossiers.OFFICE, null);
    }

    @Test
    void takesInACompleteDossierWithCodeS10FeesAndDueDates() {
        Response res = APP.post(CLERK, "/api/dossiers", Dossiers.judicialRecord());
        assertThat(res.getStatus()).isEqualTo(201);
        Map<String, Object> d = json(res);
        String code = (String) d.get("code");
        DossierCode parsed = DossierCode.parse(code);
        assertThat(parsed.agencyId()).isEqualTo(Dossiers.AGENCY);
        assertThat(parsed.receiptDate()).isEqualTo(LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
        assertThat(res.getLocation().getPath()).isEqualTo("/api/dossiers/" + code);
        assertThat(S10Number.isValid((String) d.get("s10Number"))).isTrue();
        assertThat((String) d.get("s10Number")).startsWith("EH").endsWith("VN");
        assertThat(d.get("status")).isEqualTo("RECEIVED");
        assertThat(d.get("routeClass")).isEqualTo("WITHIN_PROVINCE");

        Map<?, ?> fees = (Map<?, ?>) d.get("fees");
        List<?> items = (List<?>) fees.get("items");
        assertThat(codes(items)).containsExactly("POSTAGE_OUTBOUND", "POSTAGE_RETURN", "GOVERNMENT_FEE");
        long sum = items.stream()
                .mapToLong(i -> ((Number) ((Map<?, ?>) i).get("amount")).longValue())
                .sum();
        assertThat(((Number) fees.get("total")).longValue()).isEqualTo(sum);
        assertThat(((Number) fees.get("governmentFee")).longValue()).isEqualTo(200_000L);

        Map<?, ?> due = (Map<?, ?>) d.get("dueDates");
        LocalDate accept = LocalDate.parse((String) due.get("acceptanceDay"));
        LocalDate handover = LocalDate.parse((String) due.get("handoverBy"));
        LocalDate result = LocalDate.parse((String) due.get("resultAppointment"));
        LocalDate ret = LocalDate.parse((String) due.get("returnBy"));
        assertThat(handover).isAfter(accept);
        assertThat(result).isAfter(handover.plusDays(9)); // 10 working days of processing
        assertThat(ret).isAfter(result);

        Map<?, ?> applicant = (Map<?, ?>) d.get("applicant");
        assertThat(applicant.get("fullName")).isEqualTo(Dossiers.NAME);
        assertThat(((Map<?, ?>) applicant.get("address")).get("street")).isEqualTo(Dossiers.STREET);

        // stored: read back, with the documents and the first event of the timeline
        Map<String, Object> read = json(APP.as(CLERK, "/api/dossiers/" + code).get());
        assertThat(read.get("applicant")).isEqualTo(d.get("applicant"));
        assertThat((List<?>) read.get("components")).hasSize(2);
        List<Map<String, Object>> events =
                APP.as(CLERK, "/api/dossiers/" + code + "/events").get(new GenericType<>() {});
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.get("type")).isEqualTo("RECEIVED");
            assertThat(e.get("toStatus")).isEqualTo("RECEIVED");
            assertThat(e.get("actor")).isEqualTo(CLERK);
            assertThat(e.get("officeCode")).isEqualTo(Dossiers.OFFICE);
        });
    }

    @Test
    void listsEveryMissingRequiredDocumentByName() {
        Map<String, Object> body = Dossiers.judicialRecord();
        Dossiers.components(body).clear();
        Map<String, Object> err = refused(body, 422);
        assertThat(err.get("field")).isEqualTo("components");
        assertThat(messages(err))
                .hasSize(2)
                .anySatisfy(
                        m -> assertThat(m).contains("TO_KHAI").contains("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp"))
                .anySatisfy(m -> assertThat(m).contains("GIAY_TO_TUY_THAN"));
    }

    @Test
    void refusesWhatTheClerkMustCorrect() {
        expect(
                b -> b.put("procedureCode", Dossiers.IN_PERSON_PROCEDURE),
                "procedureCode",
                "postal channel is not allowed");
        expect(b -> b.put("procedureCode", "9.999999"), "procedureCode", "unknown procedure");
        expect(
                b -> Dossiers.components(b).get(0).put("code", "KHONG_CO"),
                "components[0].code",
                "not a document of this procedure");
        expect(b -> Dossiers.components(b).get(0).put("form", "COPY"), "components[0].form", "must be the ORIGINAL");
        expect(
                b -> Dossiers.components(b).add(Map.of("code", "TO_KHAI", "form", "ORIGINAL", "pages", 1)),
                "components[2].code",
                "listed twice");
        expect(b -> Dossiers.components(b).get(1).put("pages", 0), "components[1].pages", "number of pages");
        expect(b -> Dossiers.applicant(b).put("citizenId", "003190123456"), "applicant.citizenId", "province");
        expect(b -> Dossiers.applicant(b).put("citizenId", "00119012345"), "applicant.citizenId", "12 digits");
        expect(b -> Dossiers.applicant(b).put("phone", "0212345678"), "applicant.phone", "");
        expect(b -> Dossiers.applicant(b).put("email", "not-an-email"), "applicant.email", "e-mail");
        expect(b -> Dossiers.applicant(b).remove("fullName"), "applicant.fullName", "required");
        expect(
                b -> Dossiers.address(b).put("communeCode", "99999"),
                "applicant.address.communeCode",
                "unknown commune");
        expect(b -> b.put("delivery", Map.of("method", "HOME")), "delivery.address", "required for HOME delivery");
        expect(b -> b.remove("delivery"), "delivery.method", "required");
        expect(b -> b.put("serviceForm", "BY_PIGEON"), "serviceForm", "SEND_ONLY, SEND_AND_RETURN, RETURN_ONLY");
        expect(b -> b.put("paymentMethod", "IOU"), "paymentMethod", "CASH");
        expect(b -> Dossiers.components(b).get(0).put("pages", "two"), "components[0].pages", "whole number");
    }

    @Test
    void malformedJsonIs400AndStoresNothing() {
        Response res = APP.as(CLERK, "/api/dossiers")
                .post(Entity.entity("{\"procedureCode\": ", MediaType.APPLICATION_JSON_TYPE));
        assertThat(res.getStatus()).isEqualTo(400);
        assertThat((String) json(res).get("message")).contains("not valid JSON");
    }

    @Test
    void pickupAtOfficeNeedsNoAddressAndSendOnlyHasNoReturnLeg() {
        Map<String, Object> body = Dossiers.judicialRecord();
        body.put("serviceForm", "SEND_ONLY");
        body.put("delivery", Map.of("method", "PICKUP_AT_OFFICE"));
        Map<String, Object> d = json(APP.post(CLERK, "/api/dossiers", body));
        assertThat(codes((List<?>) ((Map<?, ?>) d.get("fees")).get("items")))
                .containsExactly("POSTAGE_OUTBOUND", "GOVERNMENT_FEE");
        assertThat(((Map<?, ?>) d.get("dueDates")).get("returnBy")).isNull();
    }

    private static List<Object> codes(List<?> items) {
        return items.stream().<Object>map(i -> ((Map<?, ?>) i).get("code")).toList();
    }

    private static void expect(Consumer<Map<String, Object>> breakIt, String field, String messagePart) {
        long before = APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM dossier")
                        .mapTo(Long.class)
                        .one());
        Map<String, Object> body = Dossiers.judicialRecord();
        breakIt.accept(body);
        Map<String, Object> err = refused(body, 422);
        assertThat(err.get("field")).as("field for %s", field).isEqualTo(field);
        assertThat(messages(err))
                .as("messages for %s", field)
                .anySatisfy(m -> assertThat(m).contains(messagePart));
        long after = APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM dossier")
                        .mapTo(Long.class)
                        .one());
        assertThat(after).as("nothing stored for %s", field).isEqualTo(before);
    }

    private static Map<String, Object> refused(Map<String, Object> body, int status) {
        Response res = APP.post(CLERK, "/api/dossiers", body);
        Map<String, Object> err = json(res);
        assertThat(res.getStatus()).as("%s", err).isEqualTo(status);
        return err;
    }

    @SuppressWarnings("unchecked")
    private static List<String> messages(Map<String, Object> err) {
        List<Map<String, Object>> errors = (List<Map<String, Object>>) err.getOrDefault("errors", List.of());
        return errors.isEmpty()
                ? List.of((String) err.get("message"))
                : errors.stream().map(e -> (String) e.get("message")).toList();
    }
}
