package vn.dossierpost.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Intake bodies from the shipped catalogue: judicial record certificate No. 1 (procedure 2.000488,
 * Sở Tư pháp Hà Nội) taken at post office 100000 (Hà Nội).
 */
public final class Dossiers {
    public static final String OFFICE = "100000";
    public static final String OTHER_OFFICE = "700000";
    public static final String PROCEDURE = "2.000488";
    public static final String AGENCY = "000.00.15.H26";
    public static final String IN_PERSON_PROCEDURE = "9.000301";
    public static final String NAME = "Nguyễn Thị Hồng Nhung";
    public static final String CITIZEN_ID = "001190123456";
    public static final String PHONE = "0912345678";
    public static final String STREET = "Số 12 ngõ 34 phố Hàng Bông";

    private Dossiers() {}

    /** A complete SEND_AND_RETURN judicial-record dossier, home delivery; mutable so a test can break it. */
    public static Map<String, Object> judicialRecord() {
        Map<String, Object> address = new HashMap<>(Map.of("street", STREET, "communeCode", "00070"));
        Map<String, Object> applicant = new HashMap<>(Map.of(
                "fullName",
                NAME,
                "citizenId",
                CITIZEN_ID,
                "phone",
                PHONE,
                "email",
                "nhung.nguyen@example.vn",
                "address",
                address));
        Map<String, Object> delivery = new HashMap<>(Map.of("method", "HOME", "address", new HashMap<>(address)));
        List<Map<String, Object>> components = new ArrayList<>(List.of(
                new HashMap<>(Map.of("code", "TO_KHAI", "form", "ORIGINAL", "pages", 2)),
                new HashMap<>(Map.of("code", "GIAY_TO_TUY_THAN", "form", "COPY", "pages", 1))));
        Map<String, Object> body = new HashMap<>();
        body.put("procedureCode", PROCEDURE);
        body.put("serviceForm", "SEND_AND_RETURN");
        body.put("applicant", applicant);
        body.put("delivery", delivery);
        body.put("components", components);
        return body;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> applicant(Map<String, Object> body) {
        return (Map<String, Object>) body.get("applicant");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> address(Map<String, Object> body) {
        return (Map<String, Object>) applicant(body).get("address");
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> components(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("components");
    }
}
