package vn.dossierpost.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dossierpost.support.TestApp.json;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.TestApp;

/**
 * Applicants identified by CCCD, passport or tax code, and dossiers filed by someone else with an
 * authorisation: taken in, shown to staff, on the slip and masked in tracking; every wrong field named.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class IdentityIntakeTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static final String CLERK = "clerk.hn";
    static final String FOREIGNERS_RECORD = "9.000102";
    static final String JUDICIAL_RECORD_2 = "9.000101";
    static final String COMPANY_CHANGE = "9.000601";

    @BeforeAll
    static void users() {
        APP.addUser(CLERK, Role.COUNTER, Dossiers.OFFICE, null);
    }

    @Test
    void aForeignerFilesWithAPassport() {
        Map<String, Object> body = Dossiers.judicialRecord();
        body.put("procedureCode", FOREIGNERS_RECORD);
        Map<String, Object> applicant = Dossiers.applicant(body);
        applicant.remove("citizenId");
        applicant.put("fullName", "John Michael Smith");
        applicant.put("idType", "PASSPORT");
        applicant.put("idNumber", " 5xk 123456 ");
        body.put("components", components("TO_KHAI", "ORIGINAL", "HO_CHIEU", "COPY", "THE_CU_TRU", "COPY"));

        Map<String, Object> d = taken(body);

        Map<?, ?> shown = (Map<?, ?>) d.get("applicant");
        assertThat(shown.get("idType")).isEqualTo("PASSPORT");
        assertThat(shown.get("idNumber")).isEqualTo("5XK123456");
        assertThat(shown.get("citizenId")).isNull();
        assertThat(d).doesNotContainKey("filer");
        assertThat(value("SELECT applicant_id_type || ' ' || applicant_citizen_id FROM dossier WHERE code = '"
                        + d.get("code") + "'"))
                .isEqualTo("PASSPORT 5XK123456");
    }

    @Test
    void aCompanyFilesWithItsTaxCodeThroughAnEmployee() throws IOException {
        Map<String, Object> body = company();
        Map<String, Object> d = taken(body);
        String code = (String) d.get("code");

        Map<?, ?> applicant = (Map<?, ?>) d.get("applicant");
        assertThat(applicant.get("idType")).isEqualTo("TAX_CODE");
        assertThat(applicant.get("idNumber")).isEqualTo("0100109106-001");
        assertThat(d.get("filer"))
                .isEqualTo(Map.of(
                        "fullName", "Phạm Văn Đức",
                        "idType", "CCCD",
                        "idNumber", "001088012345",
                        "relation", "nhân viên",
                        "authorisation", "GUQ số 15/2026/GUQ ngày 01/12/2026"));
        assertThat(((List<?>) d.get("components"))
                        .stream().<Object>map(c -> ((Map<?, ?>) c).get("code")).toList())
                .contains("VAN_BAN_UY_QUYEN");

        // the staff timeline says who filed
        List<Map<String, Object>> events =
                APP.as(CLERK, "/api/dossiers/" + code + "/events").get(new GenericType<>() {});
        assertThat((String) events.get(0).get("note"))
                .contains("Người nộp thay: Phạm Văn Đức (nhân viên)")
                .contains("GUQ số 15/2026/GUQ");

        // the slip names the filer, who signs for the company
        try (Response pdf = APP.as(CLERK, "/api/dossiers/" + code + "/slip.pdf").get()) {
            assertThat(pdf.getStatus()).isEqualTo(200);
            assertThat(text(pdf.readEntity(byte[].class)))
                    .contains("Người nộp thay / Filed by: Phạm Văn Đức (nhân viên), Số CCCD 001088012345")
                    .contains("Giấy ủy quyền / Authorisation: GUQ số 15/2026/GUQ")
                    .contains("NGƯỜI NỘP THAY");
        }

        // the public sees the filer's name masked and no number
        Response tracked =
                EXT.client().target(APP.url("/api/track/" + code)).request().get();
        Map<String, Object> t = json(tracked);
        assertThat(t.get("filer")).isEqualTo("P*** V** Đ**");
        assertThat(t.toString()).doesNotContain("001088012345", "0100109106", "GUQ");
    }

    @Test
    void judicialRecordNo2IsRefusedToAProxy() {
        Map<String, Object> body = Dossiers.judicialRecord();
        body.put("procedureCode", JUDICIAL_RECORD_2);
        body.put("filer", filer());
        List<Map<String, Object>> errors = expect(body, "filer", "must be filed by the applicant in person");
        assertThat(errors)
                .as("no authorisation asked for where no proxy may file")
                .hasSize(1);

        assertThat(json(APP.as(CLERK, "/api/procedures/" + JUDICIAL_RECORD_2).get())
                        .get("proxyAllowed"))
                .isEqualTo(false);
        assertThat(json(APP.as(CLERK, "/api/procedures/" + Dossiers.PROCEDURE).get())
                        .get("proxyAllowed"))
                .isEqualTo(true);
    }

    @Test
    void everyWrongIdentityFieldIsNamed() {
        expect(b -> applicant(b).put("idType", "PASSPORT"), "applicant.citizenId", "once, in idNumber");
        expect(b -> applicant(b).put("idNumber", "001190123456"), "applicant.idType", "CCCD, PASSPORT");
        expect(b -> applicant(b).remove("citizenId"), "applicant.idType", "is required");
        expect(
                b -> {
                    applicant(b).remove("citizenId");
                    applicant(b).put("idType", "TAX_CODE");
                },
                "applicant.idNumber",
                "tax code");
        expect(b -> id(b, "TAX_CODE", "0100109107"), "applicant.idNumber", "check digit");
        expect(b -> id(b, "TAX_CODE", "0100109106-1"), "applicant.idNumber", "10 digits");
        expect(b -> id(b, "PASSPORT", "AB12"), "applicant.idNumber", "6 to 9");
        expect(b -> id(b, "CCCD", "C1234567"), "applicant.idNumber", "12 digits");
        expect(b -> id(b, "CMND", "012345678"), "applicant.idType", "CCCD, PASSPORT, TAX_CODE");
    }

    @Test
    void everyWrongFilerFieldIsNamed() {
        expect(b -> b.put("filer", filer()), "components", "VAN_BAN_UY_QUYEN");
        expect(b -> withFiler(b).put("idType", "TAX_CODE"), "filer.idType", "CCCD or PASSPORT");
        expect(b -> withFiler(b).put("idNumber", "00108801234"), "filer.idNumber", "12 digits");
        expect(b -> withFiler(b).remove("authorisation"), "filer.authorisation", "authorisation");
        expect(b -> withFiler(b).remove("relation"), "filer.relation", "relation");
        expect(b -> withFiler(b).put("fullName", " "), "filer.fullName", "required");
    }

    @Test
    void existingRowsAreCccdsAndTheOldFieldStillWorks() {
        assertThat(value("SELECT column_default FROM information_schema.columns "
                        + "WHERE table_name = 'dossier' AND column_name = 'applicant_id_type'"))
                .contains("CCCD");
        Map<?, ?> applicant = (Map<?, ?>) taken(Dossiers.judicialRecord()).get("applicant");
        assertThat(applicant.get("idType")).isEqualTo("CCCD");
        assertThat(applicant.get("idNumber")).isEqualTo(Dossiers.CITIZEN_ID);
        assertThat(applicant.get("citizenId")).isEqualTo(Dossiers.CITIZEN_ID);
    }

    static Map<String, Object> company() {
        Map<String, Object> body = Dossiers.judicialRecord();
        body.put("procedureCode", COMPANY_CHANGE);
        Map<String, Object> applicant = Dossiers.applicant(body);
        applicant.remove("citizenId");
        applicant.put("fullName", "Công ty TNHH Hoa Sen Hà Nội – Chi nhánh Hoàn Kiếm");
        applicant.put("idType", "TAX_CODE");
        applicant.put("idNumber", "0100109106001");
        body.put("serviceForm", "SEND_ONLY");
        body.put("delivery", Map.of("method", "PICKUP_AT_OFFICE"));
        body.put(
                "components",
                components("THONG_BAO", "ORIGINAL", "NGHI_QUYET", "ORIGINAL", "VAN_BAN_UY_QUYEN", "ORIGINAL"));
        body.put("filer", filer());
        return body;
    }

    static Map<String, Object> filer() {
        return new HashMap<>(Map.of(
                "fullName", "Phạm Văn Đức",
                "idType", "CCCD",
                "idNumber", "001088012345",
                "relation", "nhân viên",
                "authorisation", "GUQ số 15/2026/GUQ ngày 01/12/2026"));
    }

    private static List<Map<String, Object>> components(String... codeAndForm) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < codeAndForm.length; i += 2) {
            list.add(new HashMap<>(Map.of("code", codeAndForm[i], "form", codeAndForm[i + 1], "pages", 1)));
        }
        return list;
    }

    private static Map<String, Object> applicant(Map<String, Object> body) {
        return Dossiers.applicant(body);
    }

    private static void id(Map<String, Object> body, String type, String number) {
        applicant(body).remove("citizenId");
        applicant(body).put("idType", type);
        applicant(body).put("idNumber", number);
    }

    /** The judicial record No. 1 (a proxy may file it) with a filer and the authorisation brought. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withFiler(Map<String, Object> body) {
        body.put("filer", filer());
        Dossiers.components(body)
                .add(new HashMap<>(Map.of("code", "VAN_BAN_UY_QUYEN", "form", "ORIGINAL", "pages", 1)));
        return (Map<String, Object>) body.get("filer");
    }

    private static Map<String, Object> taken(Map<String, Object> body) {
        Response res = APP.post(CLERK, "/api/dossiers", body);
        Map<String, Object> d = json(res);
        assertThat(res.getStatus()).as("%s", d).isEqualTo(201);
        return d;
    }

    private static void expect(Consumer<Map<String, Object>> breakIt, String field, String messagePart) {
        Map<String, Object> body = Dossiers.judicialRecord();
        breakIt.accept(body);
        expect(body, field, messagePart);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> expect(Map<String, Object> body, String field, String messagePart) {
        Response res = APP.post(CLERK, "/api/dossiers", body);
        Map<String, Object> err = json(res);
        assertThat(res.getStatus()).as("%s", err).isEqualTo(422);
        List<Map<String, Object>> errors = (List<Map<String, Object>>) err.getOrDefault("errors", List.of());
        assertThat(errors).as("%s in %s", field, err).anySatisfy(e -> {
            assertThat(e.get("field")).isEqualTo(field);
            assertThat((String) e.get("message")).contains(messagePart);
        });
        return errors;
    }

    private static String value(String sql) {
        return APP.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFC)
                    .replaceAll("\\s+", " ");
        }
    }
}
