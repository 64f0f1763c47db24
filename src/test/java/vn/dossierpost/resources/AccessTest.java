package vn.dossierpost.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dossierpost.support.TestApp.json;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.Multipart;
import vn.dossierpost.support.Patch;
import vn.dossierpost.support.Scans;
import vn.dossierpost.support.TestApp;

/**
 * Who may do what, proven on every endpoint the running application has: the JSON API and the
 * pages, as Jersey's resource model lists them, each called by every role and anonymously, once
 * with the caller's own office's (agency's, courier's) data in the path and once with another's.
 * What each call must answer is the table in {@link #RULES}; an endpoint without a line there fails
 * the test, so a new endpoint cannot go live without a decision on who may call it. Leaks: no 2xx
 * where a refusal is expected, no applicant data of office B in any answer to a caller confined to
 * office A, and no applicant data at all in a refusal.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AccessTest {
    // the public booking's burst is small (each booking sends an SMS): seven anonymous calls must not wait out a 429
    static final TestApp APP = new TestApp(ConfigOverride.config("tracking.bookingBurst", "1000"));
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();

    /** Who calls: one user per role bound to office A (or agency A), a national supervisor, nobody. */
    enum Caller {
        COUNTER("counter.a", Role.COUNTER, true),
        COURIER("courier.a", Role.COURIER, true),
        AGENCY("agency.a", Role.AGENCY, true),
        SUPERVISOR("supervisor", Role.SUPERVISOR, false),
        OFFICE_SUPERVISOR("supervisor.a", Role.SUPERVISOR, true),
        ADMIN("admin", Role.ADMIN, false),
        ANONYMOUS(null, null, false);

        final String username;
        final Role role;
        /** Confined to office A or agency A: must never be shown office B's applicant. */
        final boolean confined;

        Caller(String username, Role role, boolean confined) {
            this.username = username;
            this.role = role;
            this.confined = confined;
        }
    }

    /** What a caller gets: refused (403), served whatever the path holds, or served its own only. */
    enum Access {
        NONE,
        ALL,
        OWN,
        PUBLIC
    }

    /**
     * The expectations, one line per endpoint: the callers allowed and how far ("own": the path
     * must hold their office's, agency's or courier's data, another's is 403/404); every caller not
     * named is refused, 401 on the API and sent to sign in on the pages when anonymous.
     */
    static final Map<String, String> RULES = new LinkedHashMap<>();

    static {
        String staff = "COUNTER COURIER AGENCY SUPERVISOR OFFICE_SUPERVISOR ADMIN";
        String supervisors = "SUPERVISOR OFFICE_SUPERVISOR:own ADMIN";
        String dossierReaders = "COUNTER:own AGENCY:own " + supervisors;
        String officeStaff = "COUNTER:own " + supervisors;
        // the catalogue and the calendar: reference data, for everyone signed in
        RULES.put("GET /api/procedures", staff);
        RULES.put("GET /api/procedures/{code}", staff);
        RULES.put("GET /api/offices", staff);
        RULES.put("GET /api/communes", "PUBLIC");
        RULES.put("GET /api/agencies", staff);
        RULES.put("GET /api/calendar/{year}", staff);
        RULES.put("PUT /api/calendar/{year}", "ADMIN");
        RULES.put("GET /api/agencies/{code}", "SUPERVISOR OFFICE_SUPERVISOR ADMIN");
        RULES.put("POST /api/agencies", "ADMIN");
        RULES.put("PUT /api/agencies/{code}", "ADMIN");
        RULES.put("GET /api/agencies/{code}/changes", "ADMIN");
        RULES.put("GET /api/agencies/{code}/pickup-office", "COUNTER SUPERVISOR OFFICE_SUPERVISOR ADMIN");
        RULES.put("PUT /api/agencies/{code}/pickup-office", "ADMIN");
        RULES.put("GET /api/offices/{code}/communes", staff);
        RULES.put("PUT /api/offices/{code}/communes", "ADMIN");
        RULES.put("GET /api/s10-series", "SUPERVISOR OFFICE_SUPERVISOR ADMIN");
        RULES.put("POST /api/s10-series", "ADMIN");
        // dossiers: a clerk their office's, an agency those handed to it, supervisors their reach
        RULES.put("POST /api/dossiers", "COUNTER");
        RULES.put("GET /api/dossiers", "COUNTER AGENCY SUPERVISOR OFFICE_SUPERVISOR ADMIN");
        RULES.put("GET /api/dossiers/{code}", dossierReaders);
        RULES.put("GET /api/dossiers/{code}/events", dossierReaders);
        RULES.put("GET /api/dossiers/{code}/files", dossierReaders);
        RULES.put("GET /api/dossiers/{code}/files/{fileId}", dossierReaders);
        RULES.put("GET /api/dossiers/{code}/slip.pdf", officeStaff);
        RULES.put("GET /api/dossiers/{code}/notifications", officeStaff);
        RULES.put("PATCH /api/dossiers/{code}", "COUNTER:own SUPERVISOR OFFICE_SUPERVISOR:own");
        RULES.put("POST /api/dossiers/{code}/withdraw", "COUNTER:own");
        RULES.put("PUT /api/dossiers/{code}/components/{componentCode}/files", "COUNTER:own");
        RULES.put("POST /api/dossiers/{code}/supplements", "COUNTER:own");
        RULES.put("POST /api/dossiers/{code}/collection", "COUNTER");
        // the money: the office's clerk and supervisors; the bank's callback proves itself by signature
        RULES.put("GET /api/dossiers/{code}/payment", officeStaff);
        RULES.put("POST /api/dossiers/{code}/payment", "COUNTER:own SUPERVISOR OFFICE_SUPERVISOR:own");
        RULES.put("GET /api/dossiers/{code}/payment/qr.png", officeStaff);
        RULES.put("POST /api/dossiers/{code}/payment/refund", "COUNTER:own SUPERVISOR OFFICE_SUPERVISOR:own");
        RULES.put("GET /api/dossiers/{code}/payment/receipt.pdf", officeStaff);
        RULES.put("GET /api/dossiers/{code}/payment/refund.pdf", officeStaff);
        RULES.put("POST /api/payments/callback", "ANY");
        // the counter's day: an office-bound caller gets their own office's whatever they ask
        RULES.put("GET /api/counter-day", "COUNTER SUPERVISOR OFFICE_SUPERVISOR ADMIN");
        RULES.put("POST /api/counter-day/close", "SUPERVISOR OFFICE_SUPERVISOR");
        // remittance to agencies: the fees of every office, so national staff only
        RULES.put("GET /api/remittances", "SUPERVISOR ADMIN");
        RULES.put("GET /api/remittances/statement.pdf", "SUPERVISOR ADMIN");
        RULES.put("GET /api/remittances/statement.csv", "SUPERVISOR ADMIN");
        RULES.put("POST /api/remittances", "SUPERVISOR ADMIN");
        // complaints and items lost or damaged: recorded by office staff, answered and paid by supervisors
        String officeAndNational = "COUNTER SUPERVISOR OFFICE_SUPERVISOR ADMIN";
        RULES.put("POST /api/complaints", officeAndNational);
        RULES.put("GET /api/complaints", officeAndNational);
        RULES.put("GET /api/complaints/{number}", officeStaff);
        RULES.put("POST /api/complaints/{number}/investigation", supervisors);
        RULES.put("POST /api/complaints/{number}/answer", supervisors);
        RULES.put("POST /api/complaints/{number}/withdrawal", officeStaff);
        RULES.put("POST /api/incidents", officeAndNational);
        RULES.put("GET /api/incidents", officeAndNational);
        RULES.put("GET /api/incidents/{number}", officeStaff);
        RULES.put("POST /api/incidents/{number}/investigation", supervisors);
        RULES.put("POST /api/incidents/{number}/payment", supervisors);
        RULES.put("GET /api/satisfaction", "SUPERVISOR OFFICE_SUPERVISOR ADMIN");
        RULES.put("GET /danh-gia/{token}", "PUBLIC");
        RULES.put("POST /danh-gia/{token}", "PUBLIC");
        RULES.put("GET /api/reports/digitisation", "SUPERVISOR OFFICE_SUPERVISOR ADMIN");
        // the periodic reports: counts and money per office, no applicant; an office supervisor's own office
        RULES.put("GET /api/reports/{kind}", "SUPERVISOR OFFICE_SUPERVISOR ADMIN");
        // handovers: an agency's batch of every office's dossiers, so national staff and the agency only
        RULES.put("GET /api/handovers", "AGENCY SUPERVISOR ADMIN");
        RULES.put("GET /api/handovers/{no}", "AGENCY:own SUPERVISOR ADMIN");
        RULES.put("GET /api/handovers/{no}/record.pdf", "AGENCY:own SUPERVISOR ADMIN");
        RULES.put("POST /api/handovers/{no}/retry", "SUPERVISOR ADMIN");
        // what was given up (messages, notices, dead handovers): national staff look and acknowledge
        RULES.put("GET /api/given-up", "SUPERVISOR ADMIN");
        RULES.put("POST /api/given-up/{kind}/{id}/acknowledged", "SUPERVISOR ADMIN");
        // the agency's own channel
        RULES.put("GET /api/agency/dossiers", "AGENCY");
        RULES.put("POST /api/agency/events", "AGENCY");
        // the return leg: the delivering office, the courier holding the item, supervisors
        RULES.put("GET /api/pickups", "COUNTER SUPERVISOR OFFICE_SUPERVISOR ADMIN");
        RULES.put("GET /api/deliveries", "COUNTER SUPERVISOR OFFICE_SUPERVISOR ADMIN");
        RULES.put("GET /api/deliveries/{s10}", "COURIER:own " + officeStaff);
        RULES.put("GET /api/deliveries/{s10}/slip.pdf", "COURIER:own " + officeStaff);
        RULES.put("GET /api/deliveries/{s10}/attempts", officeStaff);
        RULES.put("GET /api/deliveries/{s10}/attempts/{id}/proof", officeStaff);
        RULES.put("POST /api/deliveries/{s10}/attempts", "COURIER:own COUNTER:own SUPERVISOR OFFICE_SUPERVISOR:own");
        RULES.put("POST /api/deliveries/{s10}/arrival", "COUNTER:own SUPERVISOR OFFICE_SUPERVISOR:own");
        RULES.put("PUT /api/deliveries/{s10}/assignment", "COUNTER:own SUPERVISOR OFFICE_SUPERVISOR:own");
        RULES.put("POST /api/deliveries/{s10}/return", "COUNTER:own SUPERVISOR OFFICE_SUPERVISOR:own");
        RULES.put("GET /api/courier/deliveries", "COURIER");
        // home pickup: booked at the counter, read by its office and its courier, visited by its courier
        RULES.put("POST /api/home-pickups", "COUNTER");
        RULES.put("POST /api/public/home-pickups", "PUBLIC");
        RULES.put("GET /api/home-pickups/{booking}", "COUNTER:own COURIER:own " + supervisors);
        RULES.put("GET /api/couriers/me/home-pickups", "COURIER");
        RULES.put("POST /api/couriers/me/home-pickups/{booking}/intake", "COURIER:own");
        RULES.put("POST /api/couriers/me/home-pickups/{booking}/failed", "COURIER:own");
        RULES.put("PUT /api/courier/cash/{date}", "COURIER");
        RULES.put("PUT /api/couriers/{username}/communes", officeStaff);
        RULES.put("GET /api/couriers/reconciliation", "SUPERVISOR OFFICE_SUPERVISOR ADMIN");
        RULES.put("GET /api/access-log", "ADMIN");
        RULES.put("GET /api/users", "ADMIN");
        RULES.put("PUT /api/users/{username}/disabled", "ADMIN");
        RULES.put("PUT /api/users/{username}/password", "ADMIN");
        RULES.put("DELETE /api/users/{username}/token", "ADMIN");
        // a legal hold keeps a dossier out of the retention purge: administrators only
        RULES.put("PUT /api/dossiers/{code}/retention-hold", "ADMIN");
        RULES.put("DELETE /api/dossiers/{code}/retention-hold", "ADMIN");
        RULES.put("GET /api/track/{reference}", "PUBLIC");
        // the description of the API and its page: no data, for integrators before they hold credentials
        RULES.put("GET /openapi.json", "PUBLIC");
        RULES.put("GET /openapi.yaml", "PUBLIC");
        RULES.put("GET /openapi-agency.yaml", "PUBLIC");
        RULES.put("GET /api-docs", "PUBLIC");
        // the pages: the counter's are a clerk's, of their own office
        RULES.put("GET /counter", "COUNTER");
        RULES.put("GET /counter/xa", "COUNTER");
        RULES.put("GET /counter/thu-tuc", "COUNTER");
        RULES.put("GET /counter/thu-tuc/{code}", "COUNTER");
        RULES.put("GET /counter/tiep-nhan", "COUNTER");
        RULES.put("POST /counter/tiep-nhan", "COUNTER");
        RULES.put("POST /counter/tiep-nhan/kiem-tra", "COUNTER");
        RULES.put("GET /counter/tiep-nhan/{code}/xong", "COUNTER:own");
        RULES.put("GET /counter/ho-so", "COUNTER SUPERVISOR OFFICE_SUPERVISOR ADMIN");
        RULES.put("GET /counter/ho-so/{code}", "COUNTER:own");
        RULES.put("GET /counter/ho-so/{code}/phieu.pdf", "COUNTER:own");
        RULES.put("GET /counter/ho-so/{code}/tep/{fileId}", "COUNTER:own");
        RULES.put("POST /counter/ho-so/{code}/tep", "COUNTER:own");
        RULES.put("POST /counter/ho-so/{code}/rut", "COUNTER:own");
        RULES.put("POST /counter/ho-so/{code}/bo-sung", "COUNTER:own");
        RULES.put("POST /counter/ho-so/{code}/sua", "COUNTER:own");
        RULES.put("GET /counter/ho-so/{code}/thanh-toan/vietqr.png", "COUNTER:own");
        RULES.put("GET /counter/ho-so/{code}/thanh-toan/bien-lai.pdf", "COUNTER:own");
        RULES.put("GET /counter/ho-so/{code}/thanh-toan/phieu-hoan-tien.pdf", "COUNTER:own");
        RULES.put("POST /counter/ho-so/{code}/thu-tien", "COUNTER:own");
        RULES.put("POST /counter/ho-so/{code}/hoan-tien", "COUNTER:own");
        RULES.put("GET /counter/nhan-ket-qua", "COUNTER");
        RULES.put("GET /counter/nhan-ket-qua/{code}", "COUNTER:own");
        RULES.put("POST /counter/nhan-ket-qua/{code}", "COUNTER:own");
        RULES.put("GET /counter/buu-gui", "COUNTER");
        RULES.put("POST /counter/buu-gui/den", "COUNTER");
        RULES.put("GET /counter/buu-gui/luu-giu", "COUNTER");
        RULES.put("GET /counter/buu-gui/{s10}", "COUNTER:own");
        RULES.put("GET /counter/buu-gui/{s10}/phieu.pdf", "COUNTER:own");
        RULES.put("POST /counter/buu-gui/{s10}/giao", "COUNTER:own");
        RULES.put("POST /counter/buu-gui/{s10}/trao", "COUNTER:own");
        RULES.put("POST /counter/buu-gui/{s10}/hoan-tra", "COUNTER:own");
        RULES.put("GET /counter/buu-ta", "COUNTER SUPERVISOR OFFICE_SUPERVISOR ADMIN");
        RULES.put("POST /counter/buu-ta/{username}", "COUNTER:own SUPERVISOR OFFICE_SUPERVISOR:own ADMIN");
        RULES.put("GET /counter/cuoi-ngay", "COUNTER SUPERVISOR OFFICE_SUPERVISOR ADMIN");
        RULES.put("POST /counter/cuoi-ngay/chot", "SUPERVISOR OFFICE_SUPERVISOR");
        // the supervisor's pages: an office supervisor sees their own office's whatever they ask
        RULES.put("GET /supervisor/doi-soat", "SUPERVISOR OFFICE_SUPERVISOR ADMIN");
        // the courier's phone: their own list; its service worker script holds no data
        RULES.put("GET /courier", "COURIER");
        RULES.put("GET /courier/sw.js", "PUBLIC");
        // the agency desk: an agency's officer, its own dossiers, scans and handover records only
        RULES.put("GET /agency", "AGENCY");
        RULES.put("GET /agency/ho-so/{code}", "AGENCY:own");
        RULES.put("GET /agency/ho-so/{code}/tep/{fileId}", "AGENCY:own");
        RULES.put("GET /agency/ho-so/{code}/tep.zip", "AGENCY:own");
        RULES.put("POST /agency/ho-so/{code}/tra-loi", "AGENCY:own");
        RULES.put("GET /agency/ban-giao/{no}/bien-ban.pdf", "AGENCY:own");
        RULES.put("GET /trang-chu", staff);
        // the supervisor's page of what needs attention spans every office: national staff only
        RULES.put("GET /supervisor/can-xu-ly", "SUPERVISOR ADMIN");
        // the dashboard: an office-bound supervisor sees their office's numbers (no applicant data)
        RULES.put("GET /supervisor", "SUPERVISOR OFFICE_SUPERVISOR ADMIN");
        RULES.put("GET /supervisor/qua-han", "SUPERVISOR OFFICE_SUPERVISOR ADMIN");
        // counts per office, no applicant: as GET /api/reports/digitisation
        RULES.put("GET /supervisor/so-hoa", "SUPERVISOR OFFICE_SUPERVISOR ADMIN");
        RULES.put("GET /supervisor/bao-cao", "SUPERVISOR OFFICE_SUPERVISOR ADMIN");
        RULES.put("GET /supervisor/khieu-nai", "SUPERVISOR OFFICE_SUPERVISOR ADMIN");
        RULES.put("POST /supervisor/khieu-nai/{number}/tra-loi", supervisors);
        RULES.put("POST /supervisor/khieu-nai/su-co/{number}/da-tra", supervisors);
        RULES.put("POST /supervisor/can-xu-ly/ban-giao/{no}/gui-lai", "SUPERVISOR ADMIN");
        RULES.put("POST /supervisor/can-xu-ly/da-xem/{kind}/{id}", "SUPERVISOR ADMIN");
        // the administrator's screens: agencies and their channels, users, the working calendar
        RULES.put("GET /admin/co-quan", "ADMIN");
        RULES.put("GET /admin/co-quan/{agency}", "ADMIN");
        RULES.put("POST /admin/co-quan/{agency}", "ADMIN");
        RULES.put("POST /admin/co-quan/{agency}/kiem-tra", "ADMIN");
        RULES.put("GET /admin/nguoi-dung", "ADMIN");
        RULES.put("POST /admin/nguoi-dung", "ADMIN");
        RULES.put("POST /admin/nguoi-dung/{username}", "ADMIN");
        RULES.put("GET /admin/lich/{year}", "ADMIN");
        RULES.put("POST /admin/lich/{year}", "ADMIN");
        RULES.put("POST /admin/lich/{year}/xoa", "ADMIN");
        RULES.put("GET /tra-cuu", "PUBLIC");
        RULES.put("GET /tra-cuu/{reference}", "PUBLIC");
        RULES.put("GET /bang-phi", "PUBLIC");
        RULES.put("GET /login", "PUBLIC");
        // signing in and out: anyone, answered by the form's own checks (CSRF, password)
        RULES.put("POST /login", "ANY");
        RULES.put("POST /logout", "ANY");
    }

    static final String NAME_B = "Lê Văn Bốn";
    static final String CITIZEN_ID_B = "079085000002";
    static final String PHONE_B = "0909876543";

    /** Path parameters of the two sides: [0] office A's (agency A's, courier A's), [1] office B's. */
    static final Map<String, String[]> PARAMS = new LinkedHashMap<>();

    static String agencyToken;

    @BeforeAll
    static void fixtures() {
        APP.addUser("counter.a", Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser("counter.b", Role.COUNTER, Dossiers.OTHER_OFFICE, null);
        APP.addUser("courier.a", Role.COURIER, Dossiers.OFFICE, null);
        APP.addUser("courier.b", Role.COURIER, Dossiers.OTHER_OFFICE, null);
        APP.addUser("supervisor", Role.SUPERVISOR, null, null);
        APP.addUser("supervisor.a", Role.SUPERVISOR, Dossiers.OFFICE, null);
        APP.addUser("admin", Role.ADMIN, null, null);
        agencyToken = APP.addTokenUser("agency.a", Role.AGENCY, null, Dossiers.AGENCY);
        String otherAgency = APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT code FROM agency WHERE code <> :c ORDER BY code LIMIT 1")
                        .bind("c", Dossiers.AGENCY)
                        .mapTo(String.class)
                        .one());

        String codeA = intake("counter.a", Dossiers.judicialRecord());
        Map<String, Object> b = Dossiers.judicialRecord();
        Dossiers.applicant(b).putAll(Map.of("fullName", NAME_B, "citizenId", CITIZEN_ID_B, "phone", PHONE_B));
        String codeB = intake("counter.b", b);
        String fileA = scan("counter.a", codeA);
        String fileB = scan("counter.b", codeB);
        // A has reached its agency (which may read it now); B is still at its office.
        APP.jdbi().useHandle(h -> {
            h.execute("UPDATE dossier SET status = 'DELIVERED_TO_AGENCY' WHERE code = ?", codeA);
            handover(h, "BG-A", Dossiers.AGENCY, codeA);
            handover(h, "BG-B", otherAgency, codeB);
            delivery(h, codeA, "EA000000011VN", Dossiers.OFFICE, "courier.a");
            delivery(h, codeB, "EA000000025VN", Dossiers.OTHER_OFFICE, "courier.b");
            homePickup(h, "TG-AAAA-AAAA", Dossiers.OFFICE, "courier.a", Dossiers.NAME, Dossiers.PHONE);
            homePickup(h, "TG-BBBB-BBBB", Dossiers.OTHER_OFFICE, "courier.b", NAME_B, PHONE_B);
        });
        for (Caller c : Caller.values()) {
            if (c.username != null) {
                APP.addSession(c.username);
            }
        }
        PARAMS.put("code", new String[] {codeA, codeB});
        PARAMS.put("fileId", new String[] {fileA, fileB});
        PARAMS.put("no", new String[] {"BG-A", "BG-B"});
        PARAMS.put("s10", new String[] {"EA000000011VN", "EA000000025VN"});
        PARAMS.put("username", new String[] {"courier.a", "courier.b"});
        PARAMS.put("agency", new String[] {Dossiers.AGENCY, otherAgency});
        PARAMS.put("booking", new String[] {"TG-AAAA-AAAA", "TG-BBBB-BBBB"});
        PARAMS.put("token", new String[] {"khongcomaxacthuc0000000", "khongcomaxacthuc0000001"});
        PARAMS.put("complaint", new String[] {
            record("counter.a", "/api/complaints", complaint(codeA, Dossiers.NAME)),
            record("counter.b", "/api/complaints", complaint(codeB, NAME_B))
        });
        PARAMS.put("incident", new String[] {
            record("counter.a", "/api/incidents", incident(codeA)),
            record("counter.b", "/api/incidents", incident(codeB))
        });
    }

    private static Map<String, Object> complaint(String code, String name) {
        return Map.of(
                "dossier", code, "complainant", "APPLICANT", "name", name, "channel", "PHONE", "content", "Chậm.");
    }

    private static Map<String, Object> incident(String code) {
        return Map.of(
                "dossier", code,
                "leg", "OUTBOUND",
                "kind", "DAMAGED",
                "foundBy", "Khai thác",
                "foundWhere", "Bưu cục",
                "description", "Rách bì.");
    }

    /** Records a complaint or an incident; its number. */
    private static String record(String clerk, String path, Map<String, Object> body) {
        try (Response res = APP.post(clerk, path, body)) {
            Map<String, Object> answer = json(res);
            assertThat(res.getStatus()).as(answer.toString()).isEqualTo(201);
            return (String) answer.get("number");
        }
    }

    private static String intake(String clerk, Map<String, Object> body) {
        Response res = APP.post(clerk, "/api/dossiers", body);
        assertThat(res.getStatus()).isEqualTo(201);
        return (String) json(res).get("code");
    }

    private static String scan(String clerk, String code) {
        Response res =
                APP.upload(clerk, code, "TO_KHAI", Multipart.file("to-khai.pdf", "application/pdf", Scans.pdf(1)));
        assertThat(res.getStatus()).isEqualTo(201);
        res.close();
        List<?> files = APP.as(clerk, "/api/dossiers/" + code + "/files").get(List.class);
        return String.valueOf(((Map<?, ?>) files.get(0)).get("id"));
    }

    private static void handover(org.jdbi.v3.core.Handle h, String no, String agency, String code) {
        h.execute(
                "INSERT INTO handover (no, agency_code, channel, state, created_at) VALUES (?, ?, 'HTTP', 'DELIVERED', now())",
                no,
                agency);
        h.execute(
                "INSERT INTO handover_item (handover_id, dossier_id, position, state, components, files, bytes, "
                        + "complete, manifest) SELECT h.id, d.id, 1, 'DELIVERED', 2, 1, 1, true, '{}' "
                        + "FROM handover h, dossier d WHERE h.no = ? AND d.code = ?",
                no,
                code);
    }

    private static void delivery(org.jdbi.v3.core.Handle h, String code, String s10, String office, String courier) {
        h.execute(
                "INSERT INTO pickup (dossier_id, office_code, agency_code, kind, created_at, collected_at, collected_by, "
                        + "agency_officer, fee_remitted, items) SELECT id, ?, agency_code, 'RESULT', now(), now(), "
                        + "'counter.a', 'Trần Văn Bình', 0, "
                        + "'[{\"name\": \"Phiếu lý lịch tư pháp\", \"kind\": \"RESULT\", \"copies\": 1}]' "
                        + "FROM dossier WHERE code = ?",
                office,
                code);
        h.execute(
                "INSERT INTO delivery (dossier_id, s10_number, office_code, method, commune_code, courier, assigned_at) "
                        + "SELECT id, ?, ?, 'HOME', '00070', ?, now() FROM dossier WHERE code = ?",
                s10,
                office,
                courier,
                code);
    }

    private static void homePickup(
            org.jdbi.v3.core.Handle h, String code, String office, String courier, String name, String phone) {
        h.execute(
                "INSERT INTO home_pickup (code, office_code, courier, procedure_code, applicant_name, applicant_phone, "
                        + "street, commune_code, window_date, window_part, state, booked_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, 'Số 1 phố Huế', '00070', current_date, 'MORNING', 'BOOKED', now(), now())",
                code,
                office,
                courier,
                Dossiers.PROCEDURE,
                name,
                phone);
    }

    /** Every method × path of the running application's resource model, sub-resources included. */
    static Set<String> endpoints() {
        Set<String> found = new TreeSet<>();
        var config = EXT.getEnvironment().jersey().getResourceConfig();
        List<Class<?>> classes = new ArrayList<>(config.getClasses());
        config.getInstances().forEach(i -> classes.add(i.getClass()));
        for (Class<?> c : classes) {
            if (c.isAnnotationPresent(Path.class)) {
                walk(Resource.from(c), "", found);
            }
        }
        return found;
    }

    private static void walk(Resource resource, String parent, Set<String> found) {
        String path = (parent + "/" + resource.getPath()).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
        path = path.replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}");
        for (ResourceMethod m : resource.getResourceMethods()) {
            found.add(m.getHttpMethod() + " " + path);
        }
        assertThat(resource.getResourceLocator())
                .as("sub-resource locator at " + path + ": give it rules")
                .isNull();
        for (Resource child : resource.getChildResources()) {
            walk(child, path, found);
        }
    }

    @Test
    void everyEndpointHasAnExpectationForEveryRoleAndScopeAndNothingLeaks() {
        Set<String> endpoints = endpoints();
        assertThat(RULES.keySet())
                .as("endpoints without a line in RULES (add one), or lines for endpoints that are gone")
                .containsExactlyInAnyOrderElementsOf(endpoints);
        List<String> failures = new ArrayList<>();
        int calls = 0;
        List<String> ordered = new ArrayList<>(endpoints);
        ordered.remove("POST /logout");
        ordered.add("POST /logout"); // last: it ends the sessions the other pages use
        for (String endpoint : ordered) {
            Map<Caller, String> access = parse(RULES.get(endpoint));
            int sides = endpoint.contains("{") ? 2 : 1;
            for (Caller caller : Caller.values()) {
                for (int side = 0; side < sides; side++) {
                    String failure = check(endpoint, caller, side, access);
                    calls++;
                    if (failure != null) {
                        failures.add(failure);
                    }
                }
            }
        }
        assertThat(failures).as("of " + calls + " calls").isEmpty();
        assertThat(calls).isGreaterThan(600);
    }

    private static Map<Caller, String> parse(String rule) {
        Map<Caller, String> access = new EnumMap<>(Caller.class);
        for (String word : rule.split("\\s+")) {
            if (word.equals("PUBLIC") || word.equals("ANY")) {
                for (Caller c : Caller.values()) {
                    access.put(c, word.toLowerCase());
                }
                continue;
            }
            String[] parts = word.split(":");
            access.put(Caller.valueOf(parts[0]), parts.length > 1 ? parts[1] : "all");
        }
        return access;
    }

    /** One call and its verdict: null when it answered as the table says. */
    private static String check(String endpoint, Caller caller, int side, Map<Caller, String> access) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = fill(endpoint.substring(endpoint.indexOf(' ') + 1), side);
        boolean page = !path.startsWith("/api");
        int status;
        String body;
        if (method.equals("PATCH")) {
            HttpResponse<String> res = Patch.json(APP.url(path), apiCaller(caller), "{}");
            status = res.statusCode();
            body = res.body();
        } else {
            try (Response res = call(method, path, caller, page)) {
                status = res.getStatus();
                body = res.hasEntity() ? res.readEntity(String.class) : "";
            }
        }
        String what = endpoint + " as " + caller + (side == 0 ? " (own)" : " (other)") + ": " + status;
        String granted = access.get(caller);
        boolean refusal;
        if (status >= 500) {
            return what + " (server error)";
        } else if (granted == null && caller == Caller.ANONYMOUS) {
            int expected = !page ? 401 : method.equals("GET") ? 303 : 403;
            if (status != expected) {
                return what + ", expected " + expected;
            }
            refusal = true;
        } else if (granted == null) {
            if (status != 403) {
                return what + ", expected 403";
            }
            refusal = true;
        } else if (granted.equals("any")) {
            refusal = false;
        } else if (granted.equals("own") && side == 1) {
            boolean refused = method.equals("GET") ? status == 403 || status == 404 : status >= 400 && status != 401;
            if (!refused) {
                return what + ", expected a refusal (403/404)";
            }
            refusal = true;
        } else {
            if (status == 401 || status == 403) {
                return what + ", expected to be let in";
            }
            refusal = false;
        }
        List<String> forbidden = new ArrayList<>(List.of(NAME_B, CITIZEN_ID_B, PHONE_B));
        if (refusal) {
            forbidden.addAll(List.of(Dossiers.NAME, Dossiers.CITIZEN_ID, Dossiers.PHONE));
        } else if (!caller.confined) {
            forbidden.clear();
        }
        for (String data : forbidden) {
            if (body.contains(data)) {
                return what + ", and its body shows " + data;
            }
        }
        return null;
    }

    private static String fill(String template, int side) {
        String path = template.replace("{year}", "2026")
                .replace("{date}", LocalDate.now().toString())
                .replace("{componentCode}", "TO_KHAI")
                .replace("{id}", "1")
                .replace("{kind}", "NOTIFICATION")
                .replace("{reference}", PARAMS.get("s10")[side]);
        if (path.startsWith("/api/agencies/")) {
            path = path.replace("{code}", PARAMS.get("agency")[side]);
        } else if (path.startsWith("/api/offices/")) {
            path = path.replace("{code}", side == 0 ? Dossiers.OFFICE : Dossiers.OTHER_OFFICE);
        } else if (path.startsWith("/api/procedures/") || path.startsWith("/counter/thu-tuc/")) {
            path = path.replace("{code}", Dossiers.PROCEDURE);
        }
        boolean complaint = path.startsWith("/api/complaints/")
                || (path.startsWith("/supervisor/khieu-nai/") && !path.contains("/su-co/"));
        path = path.replace("{number}", PARAMS.get(complaint ? "complaint" : "incident")[side]);
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String[] values = PARAMS.get(m.group(1));
            assertThat(values)
                    .as("a fixture for {" + m.group(1) + "} in " + template)
                    .isNotNull();
            m.appendReplacement(out, Matcher.quoteReplacement(values[side]));
        }
        return m.appendTail(out).toString();
    }

    /** How an API caller signs a request sent outside the JAX-RS client (a PATCH). */
    private static Map<String, String> apiCaller(Caller caller) {
        return caller == Caller.AGENCY
                ? Map.of("Authorization", "Bearer " + agencyToken)
                : caller.username == null ? Map.of() : Map.of("Authorization", TestApp.basic(caller.username));
    }

    private static Response call(String method, String path, Caller caller, boolean page) {
        Invocation.Builder request = EXT.client()
                .target(APP.url(path))
                .property(ClientProperties.FOLLOW_REDIRECTS, false)
                .request();
        if (caller.username != null && page) {
            request = request.cookie("dossierpost_session", "session-" + caller.username)
                    .header("X-CSRF-Token", "csrf-" + caller.username);
        } else if (caller == Caller.AGENCY) {
            request = request.header("Authorization", "Bearer " + agencyToken);
        } else if (caller.username != null) {
            request = request.header("Authorization", TestApp.basic(caller.username));
        }
        if (method.equals("GET") || method.equals("DELETE")) {
            return request.method(method);
        }
        Entity<?> body = page
                ? Entity.entity("", MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                : Entity.entity("{}", MediaType.APPLICATION_JSON_TYPE);
        return request.method(method, body);
    }

    /**
     * The API takes the web session too (the courier's page calls it from the browser): as its user,
     * and a change only with the session's CSRF header; a dead session is nobody.
     */
    @Test
    void theApiTakesAWebSessionAndItsCsrfHeaderForChanges() {
        String path = "/api/deliveries/" + PARAMS.get("s10")[0] + "/attempts";
        Invocation.Builder read = EXT.client()
                .target(APP.url("/api/courier/deliveries"))
                .request()
                .cookie("dossierpost_session", "session-courier.a");
        assertThat(TestApp.status(read.get())).isEqualTo(200);
        String out = "{\"clientAttemptId\": \"s-1\", \"outcome\": \"OUT_FOR_DELIVERY\"}";
        for (String csrf : new String[] {null, "csrf-counter.a"}) {
            Invocation.Builder change =
                    EXT.client().target(APP.url(path)).request().cookie("dossierpost_session", "session-courier.a");
            if (csrf != null) {
                change = change.header("X-CSRF-Token", csrf);
            }
            assertThat(TestApp.status(change.post(Entity.entity(out, MediaType.APPLICATION_JSON_TYPE))))
                    .as("a change with CSRF token " + csrf)
                    .isEqualTo(403);
        }
        Response gone = EXT.client()
                .target(APP.url("/api/courier/deliveries"))
                .request()
                .cookie("dossierpost_session", "no-such-session")
                .get();
        assertThat(TestApp.status(gone)).isEqualTo(401);
        int attempts = APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM delivery_attempt WHERE client_attempt_id = 's-1'")
                        .mapTo(Integer.class)
                        .one());
        assertThat(attempts).isZero();
    }

    @Test
    void wrongCredentialsAre401() {
        String wrong = "Basic " + Base64.getEncoder().encodeToString("counter.a:wrong-password".getBytes());
        Response res = EXT.client()
                .target(APP.url("/api/procedures"))
                .request()
                .header("Authorization", wrong)
                .get();
        assertThat(TestApp.status(res)).isEqualTo(401);
        Response bad = EXT.client()
                .target(APP.url("/api/procedures"))
                .request()
                .header("Authorization", "Bearer dp_not-a-token")
                .get();
        assertThat(TestApp.status(bad)).isEqualTo(401);
    }

    /** A supervisor bound to an office lists that office's dossiers only; one bound to none, every office's. */
    @Test
    void anOfficeSupervisorListsTheirOfficeAndANationalOneEveryOffice() {
        Map<String, Object> office = json(APP.as("supervisor.a", "/api/dossiers?office=" + Dossiers.OTHER_OFFICE)
                .get());
        assertThat((List<?>) office.get("items"))
                .isNotEmpty()
                .allSatisfy(i -> assertThat(((Map<?, ?>) i).get("officeCode")).isEqualTo(Dossiers.OFFICE));
        Map<String, Object> national =
                json(APP.as("supervisor", "/api/dossiers").get());
        List<Object> offices = ((List<?>) national.get("items"))
                .stream().map(i -> (Object) ((Map<?, ?>) i).get("officeCode")).toList();
        assertThat(offices).contains(Dossiers.OFFICE, Dossiers.OTHER_OFFICE);
        Map<String, Object> cash =
                json(APP.as("supervisor.a", "/api/couriers/reconciliation?office=" + Dossiers.OTHER_OFFICE)
                        .get());
        assertThat(cash).containsEntry("officeCode", Dossiers.OFFICE);
    }

    @Test
    void aClerksDossierListIsTheirOfficesWhateverTheyAskFor() {
        Map<String, Object> page = json(APP.as("counter.a", "/api/dossiers?office=" + Dossiers.OTHER_OFFICE)
                .get());
        assertThat((List<?>) page.get("items"))
                .isNotEmpty()
                .allSatisfy(i -> assertThat(((Map<?, ?>) i).get("officeCode")).isEqualTo(Dossiers.OFFICE));
    }
}
