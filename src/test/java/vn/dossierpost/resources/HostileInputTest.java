package vn.dossierpost.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.HostilePdfs;
import vn.dossierpost.support.Multipart;
import vn.dossierpost.support.TestApp;

/**
 * Hundreds of requests an attacker with a clerk's, a courier's, an agency's or an administrator's
 * credentials might send, generated field by field: wrong types, unknown fields, huge and control
 * characters, odd dates, forged and exploding uploads, malformed JSON. Every answer is a 4xx (never a
 * 5xx), comes within a bound, and no row of the main tables changes. Failed sign-ins are counted in
 * {@code web_sign_in_failure} by design, so that table is not among them.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class HostileInputTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String CLERK = "clerk.hostile";
    static final String COURIER = "courier.hostile";
    static final String ADMIN = "admin.hostile";
    static final String S10 = "EH000000019VN";
    static final String MEGABYTE = "x".repeat(1 << 20);
    static final List<String> TABLES = List.of(
            "dossier",
            "dossier_component",
            "dossier_event",
            "dossier_file",
            "outbox",
            "handover",
            "notification",
            "agency_event",
            "pickup",
            "delivery",
            "delivery_attempt",
            "courier_commune",
            "cash_declaration",
            "app_user",
            "agency",
            "calendar_day",
            "web_session");
    static String agencyToken;
    static String code;
    static String rowsBefore;
    static int requests;

    record Call(String method, String path, String auth, String contentType, byte[] body) {}

    @BeforeAll
    static void setUp() {
        APP.addUser(CLERK, Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser(COURIER, Role.COURIER, Dossiers.OFFICE, null);
        APP.addUser(ADMIN, Role.ADMIN, null, null);
        agencyToken = APP.addTokenUser("agency.hostile", Role.AGENCY, null, Dossiers.AGENCY);
        code = (String) TestApp.json(APP.post(CLERK, "/api/dossiers", Dossiers.judicialRecord()))
                .get("code");
        rowsBefore = rows();
    }

    @AfterAll
    static void enoughRequestsAndNothingChanged() {
        assertThat(requests).isGreaterThanOrEqualTo(300);
        assertThat(rows()).as("rows of %s", TABLES).isEqualTo(rowsBefore);
    }

    static String rows() {
        String sql = "SELECT "
                + String.join(
                        " || ',' || ",
                        TABLES.stream()
                                .map(t -> "(SELECT count(*) FROM " + t + ")")
                                .toList());
        return APP.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("calls")
    void isRefusedWithA4xxWithinBoundsAndChangesNothing(String name, Call call) {
        requests++;
        String before = rows();
        int status = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> send(call));
        assertThat(status).as("status of " + name).isBetween(400, 499);
        assertThat(rows()).as("rows of %s after %s", TABLES, name).isEqualTo(before);
    }

    private static int send(Call call) throws Exception {
        String path = call.path().replace("{code}", code);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(APP.url(path)))
                .timeout(Duration.ofSeconds(15))
                .method(
                        call.method(),
                        call.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        if (call.auth() != null) {
            b.header(
                    "Authorization",
                    call.auth().equals("agency") ? "Bearer " + agencyToken : TestApp.basic(call.auth()));
        }
        if (call.contentType() != null) {
            b.header("Content-Type", call.contentType());
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            // the server closed the connection on a request it would not read to the end (a refusal)
            return 400;
        }
    }

    static Stream<Arguments> calls() {
        List<Arguments> all = new ArrayList<>();
        intake(all);
        agencyEvents(all);
        attempts(all);
        otherStaffBodies(all);
        uploads(all);
        tracking(all);
        signIn(all);
        return all.stream();
    }

    /** Values no text field takes: other types, a megabyte, control characters. */
    static final List<Object> NOT_TEXT =
            List.of(5, true, 1.5e308, Map.of("a", 1), List.of("a"), MEGABYTE, "a\u0000b", "\u0000", "line\u0007bell");

    static final List<Object> NOT_A_COUNT = List.of("abc", true, 1.5e308, -1, 0, 10_001, Map.of(), List.of(1), 1.5);

    static final List<Object> NOT_A_WORD = List.of("NOPE", 5, 0, true, "", "\u0000", MEGABYTE, List.of("HOME"));

    static void intake(List<Arguments> all) {
        List<String> texts = List.of(
                "procedureCode",
                "applicant.fullName",
                "applicant.citizenId",
                "applicant.phone",
                "applicant.email",
                "applicant.address.street",
                "applicant.address.communeCode",
                "delivery.address.street",
                "delivery.address.communeCode",
                "components[0].code",
                "agencyReference",
                "paymentMethod");
        for (String field : texts) {
            for (Object v : NOT_TEXT) {
                all.add(intakeCase(field + " = " + describe(v), b -> set(b, field, v)));
            }
        }
        for (Object v : NOT_A_COUNT) {
            all.add(intakeCase("components[0].pages = " + describe(v), b -> set(b, "components[0].pages", v)));
        }
        for (String field : List.of("serviceForm", "delivery.method", "components[0].form")) {
            for (Object v : NOT_A_WORD) {
                all.add(intakeCase(field + " = " + describe(v), b -> set(b, field, v)));
            }
        }
        for (String at : List.of("", "applicant.", "applicant.address.", "delivery.", "components[0].")) {
            all.add(intakeCase("unknown field " + at + "filer", b -> set(b, at + "filer", "Nguyễn Văn A")));
            all.add(intakeCase("misspelt " + at + "emial", b -> set(b, at + "emial", "a@b.vn")));
        }
        all.add(intakeCase("100,000 documents", b -> {
            List<Object> many = new ArrayList<>();
            for (int i = 0; i < 100_000; i++) {
                many.add(Map.of("code", "TO_KHAI", "form", "ORIGINAL", "pages", 1));
            }
            b.put("components", many);
        }));
        all.add(intakeCase("appointmentSlipByPost = \"yes\"", b -> b.put("appointmentSlipByPost", "yes")));
        all.add(intakeCase("applicant = \"x\"", b -> b.put("applicant", "x")));
        all.add(intakeCase("components = {}", b -> b.put("components", Map.of())));
        for (String raw : malformed()) {
            all.add(call("intake raw " + describe(raw), "POST", "/api/dossiers", CLERK, raw));
        }
        all.add(Arguments.of(
                "intake over the body limit",
                new Call(
                        "POST",
                        "/api/dossiers",
                        CLERK,
                        "application/json",
                        ("{\"a\":\"" + "x".repeat(5 << 20) + "\"}").getBytes(StandardCharsets.UTF_8))));
        all.add(Arguments.of(
                "intake as text/plain",
                new Call("POST", "/api/dossiers", CLERK, "text/plain", json(Dossiers.judicialRecord()))));
    }

    static List<String> malformed() {
        return List.of(
                "",
                "null",
                "[]",
                "{",
                "{\"procedureCode\": }",
                "\"just a string\"",
                "[".repeat(100_000),
                "{\"a\":" + "1".repeat(100_000) + "}",
                "{\"procedureCode\": \"\\ud800\"}",
                "\u0000",
                "{\"a\": 1, \"a\": 2}");
    }

    static Arguments intakeCase(String name, Consumer<Map<String, Object>> breakIt) {
        Map<String, Object> body = Dossiers.judicialRecord();
        breakIt.accept(body);
        return call("intake " + name, "POST", "/api/dossiers", CLERK, body);
    }

    @SuppressWarnings("unchecked")
    static void agencyEvents(List<Arguments> all) {
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("eventId", "STP-HOSTILE");
        base.put("dossierCode", "{code}");
        base.put("type", "DELAYED");
        base.put("newAppointmentDate", "2027-01-15");
        base.put("reason", "Chờ xác minh");
        Map<String, Object> cases = new LinkedHashMap<>();
        cases.put("NUL in eventId", Map.of("eventId", "STP\u0000-1"));
        cases.put("NUL alone as eventId", Map.of("eventId", "\u0000"));
        cases.put("megabyte eventId", Map.of("eventId", MEGABYTE));
        cases.put("NUL in dossierCode", Map.of("dossierCode", "000\u0000"));
        cases.put("megabyte dossierCode", Map.of("dossierCode", MEGABYTE));
        cases.put("date +999999999-12-31", Map.of("newAppointmentDate", "+999999999-12-31"));
        cases.put("date -999999999-01-01", Map.of("newAppointmentDate", "-999999999-01-01"));
        cases.put("delay back to 1900", Map.of("newAppointmentDate", "1900-01-01"));
        cases.put("delay to year 9999", Map.of("newAppointmentDate", "9999-12-31"));
        cases.put("date 2026-02-30", Map.of("newAppointmentDate", "2026-02-30"));
        cases.put("date as number", Map.of("newAppointmentDate", 20270115));
        cases.put("at +999999999", Map.of("at", "+999999999-12-31T23:59:59Z"));
        cases.put("at 1900", Map.of("at", "1900-01-01T00:00:00+07:00"));
        cases.put("at in 2100", Map.of("at", "2100-01-01T00:00:00+07:00"));
        cases.put("at without offset", Map.of("at", "2026-11-24T10:00:00"));
        cases.put("at offset +25:00", Map.of("at", "2026-11-24T10:00:00+25:00"));
        cases.put("megabyte reason", Map.of("reason", MEGABYTE));
        cases.put("NUL in reason", Map.of("reason", "a\u0000b"));
        cases.put("type lower unknown", Map.of("type", "EXPLODED"));
        cases.put("type number", Map.of("type", 3));
        cases.put("resultReference NUL", Map.of("type", "RESULT_READY", "resultReference", "\u0000"));
        cases.put("resultReference megabyte", Map.of("type", "RESULT_READY", "resultReference", MEGABYTE));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            many.add("Giấy tờ " + i);
        }
        cases.put("100,000 missing items", Map.of("type", "SUPPLEMENT_REQUESTED", "missingItems", many));
        cases.put("a missing item with NUL", Map.of("type", "SUPPLEMENT_REQUESTED", "missingItems", List.of("\u0000")));
        cases.put("a megabyte missing item", Map.of("type", "SUPPLEMENT_REQUESTED", "missingItems", List.of(MEGABYTE)));
        cases.put("missingItems as text", Map.of("type", "SUPPLEMENT_REQUESTED", "missingItems", "a"));
        cases.put("eventId as number", Map.of("eventId", 12345));
        cases.put("eventId as object", Map.of("eventId", Map.of("$ne", "")));
        cases.forEach((name, change) -> {
            Map<String, Object> body = new LinkedHashMap<>(base);
            body.putAll((Map<String, ?>) change);
            all.add(call("agency event " + name, "POST", "/api/agency/events", "agency", body));
        });
        for (String raw : malformed()) {
            all.add(call("agency event raw " + describe(raw), "POST", "/api/agency/events", "agency", raw));
        }
    }

    static void attempts(List<Arguments> all) {
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("clientAttemptId", "h-1");
        base.put("outcome", "FAILED");
        base.put("reason", "NOT_AT_HOME");
        base.put("action", "RETRY");
        String path = "/api/deliveries/" + S10 + "/attempts";
        for (String field : List.of(
                "clientAttemptId",
                "recipientName",
                "relation",
                "idDocumentType",
                "idNumber",
                "proxyAuthorisation",
                "reason",
                "action",
                "note")) {
            for (Object v : List.of(5, "a\u0000b", MEGABYTE, Map.of())) {
                Map<String, Object> body = new LinkedHashMap<>(base);
                body.put(field, v);
                all.add(call("attempt " + field + " = " + describe(v), "POST", path, COURIER, body));
            }
        }
        for (Object v : List.of("+999999999-12-31T00:00:00Z", "1900-01-01T00:00:00Z", "yesterday", 5)) {
            Map<String, Object> body = new LinkedHashMap<>(base);
            body.put("at", v);
            all.add(call("attempt at = " + describe(v), "POST", path, COURIER, body));
        }
        for (Object v : List.of(91, -181.5, "north", 1e308)) {
            Map<String, Object> body = new LinkedHashMap<>(base);
            body.put("latitude", v);
            all.add(call("attempt latitude = " + describe(v), "POST", path, COURIER, body));
        }
        Map<String, Object> unknown = new LinkedHashMap<>(base);
        unknown.put("signature", "x");
        all.add(call("attempt unknown field", "POST", path, COURIER, unknown));
        Map<String, Object> proof = new LinkedHashMap<>(base);
        proof.put("outcome", "DELIVERED");
        proof.put("proof", Map.of("mediaType", "image/png", "base64", "%%%not base64%%%"));
        all.add(call("attempt proof not base64", "POST", path, COURIER, proof));
        for (String raw : malformed()) {
            all.add(call("attempt raw " + describe(raw), "POST", path, COURIER, raw));
        }
    }

    static void otherStaffBodies(List<Arguments> all) {
        for (Object v : List.of(5, "a\u0000b", MEGABYTE, List.of())) {
            all.add(call(
                    "withdraw reason " + describe(v),
                    "POST",
                    "/api/dossiers/{code}/withdraw",
                    CLERK,
                    Map.of("reason", v)));
            for (String field : List.of(
                    "reason",
                    "applicant.fullName",
                    "applicant.phone",
                    "applicant.email",
                    "applicant.address.street",
                    "delivery.address.communeCode")) {
                Map<String, Object> correction = new LinkedHashMap<>();
                correction.put("reason", "Sửa lỗi gõ");
                set(correction, field, v);
                all.add(call(
                        "correction " + field + " " + describe(v), "PATCH", "/api/dossiers/{code}", CLERK, correction));
            }
            all.add(call(
                    "supplement note " + describe(v),
                    "POST",
                    "/api/dossiers/{code}/supplements",
                    CLERK,
                    Map.of("note", v)));
            all.add(call(
                    "return note " + describe(v),
                    "POST",
                    "/api/deliveries/" + S10 + "/return",
                    CLERK,
                    Map.of("note", v)));
            all.add(call(
                    "assign courier " + describe(v),
                    "PUT",
                    "/api/deliveries/" + S10 + "/assignment",
                    CLERK,
                    Map.of("courier", v)));
            all.add(call(
                    "communes " + describe(v),
                    "PUT",
                    "/api/couriers/" + COURIER + "/communes",
                    CLERK,
                    Map.of("communes", List.of(v))));
            all.add(call(
                    "cash " + describe(v),
                    "PUT",
                    "/api/courier/cash/2026-12-01",
                    COURIER,
                    Map.of("amount", v instanceof Integer ? "five" : v)));
            all.add(call(
                    "collection officer " + describe(v),
                    "POST",
                    "/api/dossiers/{code}/collection",
                    CLERK,
                    Map.of(
                            "agencyOfficer",
                            v,
                            "items",
                            List.of(Map.of("name", "Phiếu", "kind", "RESULT", "copies", 1)))));
            all.add(call(
                    "calendar day name " + describe(v),
                    "PUT",
                    "/api/calendar/2027",
                    ADMIN,
                    Map.of("days", List.of(Map.of("date", "2027-01-01", "kind", "HOLIDAY", "name", v)))));
        }
        all.add(call("withdraw unknown field", "POST", "/api/dossiers/{code}/withdraw", CLERK, Map.of("reasn", "x")));
        all.add(call(
                "correction unknown field",
                "PATCH",
                "/api/dossiers/{code}",
                CLERK,
                Map.of("reason", "x", "applicant", Map.of("phone", "0911111111", "citizenld", "x"))));
        for (String raw : malformed()) {
            all.add(call("correction raw " + describe(raw), "PATCH", "/api/dossiers/{code}", CLERK, raw));
        }
        all.add(call("cash negative", "PUT", "/api/courier/cash/2026-12-01", COURIER, Map.of("amount", -1)));
        all.add(call(
                "cash for day +999999999", "PUT", "/api/courier/cash/+999999999-12-31", COURIER, Map.of("amount", 1)));
        all.add(call("calendar year 999999999", "PUT", "/api/calendar/999999999", ADMIN, Map.of("days", List.of())));
        all.add(call(
                "calendar date 1900",
                "PUT",
                "/api/calendar/2027",
                ADMIN,
                Map.of("days", List.of(Map.of("date", "1900-01-01", "kind", "HOLIDAY", "name", "x")))));
        for (Map<String, Object> agency : List.of(
                Map.<String, Object>of("name", 5),
                Map.<String, Object>of("batchWindowMs", "soon"),
                Map.<String, Object>of("channel", "CARRIER_PIGEON"),
                Map.<String, Object>of("active", "yes"),
                Map.<String, Object>of("baseUrll", "https://example.vn"),
                Map.<String, Object>of("secret", "short"),
                Map.<String, Object>of("sftpPort", "twenty-two"),
                Map.<String, Object>of("name", MEGABYTE),
                Map.<String, Object>of("address", "Số 1\u0000"),
                Map.<String, Object>of("email", MEGABYTE + "@x.vn"),
                Map.<String, Object>of("baseUrl", "https://" + MEGABYTE + ".vn"),
                Map.<String, Object>of("outboxDir", "/srv/dossierpost/" + MEGABYTE),
                Map.<String, Object>of("secret", MEGABYTE),
                Map.<String, Object>of("sftpHost", "a\u0007b"))) {
            all.add(call(
                    "agency settings " + agency.keySet(), "PUT", "/api/agencies/" + Dossiers.AGENCY, ADMIN, agency));
        }
        all.add(call("agency created without code", "POST", "/api/agencies", ADMIN, Map.of("name", 5)));
        all.add(call(
                "pickup office unknown field",
                "PUT",
                "/api/agencies/" + Dossiers.AGENCY + "/pickup-office",
                ADMIN,
                Map.of("office", "100000")));
    }

    static void uploads(List<Arguments> all) {
        String path = "/api/dossiers/{code}/components/TO_KHAI/files";
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(
                "exe as pdf",
                "MZ\u0090\u0000 this program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1));
        files.put("html as pdf", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        files.put("zip as pdf", new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0});
        files.put("empty", new byte[0]);
        files.put("truncated pdf", "%PDF-1.7\n1 0 obj\n<<".getBytes(StandardCharsets.US_ASCII));
        files.put("pdf header only", "%PDF-".getBytes(StandardCharsets.US_ASCII));
        files.put("svg as png", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8));
        files.put("decompression bomb", HostilePdfs.objectStream(80L << 20));
        files.put(
                "nested beyond reason",
                HostilePdfs.objectStream(10, "/D " + "[".repeat(200_000) + "]".repeat(200_000)));
        files.forEach((name, content) -> {
            for (String declared : List.of("application/pdf", "image/png")) {
                all.add(Arguments.of(
                        "upload " + name + " declared " + declared,
                        new Call(
                                "PUT",
                                path,
                                CLERK,
                                Multipart.contentType(),
                                Multipart.file("x.pdf", declared, content).bytes())));
            }
        });
        all.add(Arguments.of(
                "upload not multipart", new Call("PUT", path, CLERK, "application/pdf", HostilePdfs.objectStream(10))));
        all.add(Arguments.of(
                "upload to an unknown document",
                new Call(
                        "PUT",
                        "/api/dossiers/{code}/components/..%2F..%2Fetc/files",
                        CLERK,
                        Multipart.contentType(),
                        Multipart.file("x.pdf", "application/pdf", HostilePdfs.objectStream(10))
                                .bytes())));
        all.add(Arguments.of(
                "upload with a boundary that never ends",
                new Call(
                        "PUT",
                        path,
                        CLERK,
                        Multipart.contentType(),
                        ("--" + Multipart.BOUNDARY + "\r\n" + "x".repeat(1000)).getBytes(StandardCharsets.US_ASCII))));
    }

    static void tracking(List<Arguments> all) {
        for (String ref : List.of(
                "%00",
                "EH%00000019VN",
                "x".repeat(10_000),
                "..%2F..%2Fetc%2Fpasswd",
                "'%20OR%201=1--",
                "%E2%80%AE",
                "EH000000019VN",
                "000.00.15.H26-261301-0001",
                "%F0%9F%92%A3")) {
            all.add(call("tracking " + describe(ref), "GET", "/api/track/" + ref, null, null));
        }
        for (String q : List.of(
                "status=%00",
                "status=NOPE", "limit=-1", "limit=99999999999", "before=%00", "before=+999999999-12-31T00:00:00Z")) {
            all.add(call("dossier list " + describe(q), "GET", "/api/dossiers?" + q, CLERK, null));
        }
        for (String p : List.of("%00", "x".repeat(5000), "000.00.15.H26-261301-0001%00")) {
            all.add(call("dossier " + describe(p), "GET", "/api/dossiers/" + p, CLERK, null));
            all.add(call(
                    "withdraw " + describe(p),
                    "POST",
                    "/api/dossiers/" + p + "/withdraw",
                    CLERK,
                    Map.of("reason", "x")));
        }
    }

    static void signIn(List<Arguments> all) {
        for (String[] form : List.of(
                new String[] {CLERK, "wrong"},
                new String[] {"nobody", TestApp.PASSWORD},
                new String[] {"\u0000", "x"},
                new String[] {CLERK + "\u0000", TestApp.PASSWORD},
                new String[] {"x".repeat(100_000), "x"},
                new String[] {CLERK, "x".repeat(100_000)},
                new String[] {"", ""},
                new String[] {"' OR '1'='1", "' OR '1'='1"})) {
            String body = "username=" + URLEncoder.encode(form[0], StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(form[1], StandardCharsets.UTF_8);
            all.add(Arguments.of(
                    "sign-in " + describe(form[0]) + " / " + describe(form[1]),
                    new Call(
                            "POST",
                            "/login",
                            null,
                            "application/x-www-form-urlencoded",
                            body.getBytes(StandardCharsets.UTF_8))));
        }
        for (String user : List.of("nobody", "\u00e9\u00e9", "x".repeat(1000))) {
            all.add(call("basic as " + describe(user), "GET", "/api/dossiers", user, null));
        }
        all.add(Arguments.of("basic garbage", new Call("GET", "/api/dossiers", "garbage", null, null)));
    }

    static Arguments call(String name, String method, String path, String auth, Object body) {
        byte[] bytes = body == null ? null : body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : json(body);
        return Arguments.of(name, new Call(method, path, auth, body == null ? null : "application/json", bytes));
    }

    static byte[] json(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static void set(Map<String, Object> body, String path, Object value) {
        String[] steps = path.split("\\.");
        Object at = body;
        for (int i = 0; i < steps.length; i++) {
            String step = steps[i];
            int index = -1;
            if (step.endsWith("]")) {
                index = Integer.parseInt(step.substring(step.indexOf('[') + 1, step.length() - 1));
                step = step.substring(0, step.indexOf('['));
            }
            Map<String, Object> map = (Map<String, Object>) at;
            if (i == steps.length - 1 && index < 0) {
                map.put(step, value);
                return;
            }
            Object next = map.computeIfAbsent(step, k -> new HashMap<String, Object>());
            if (index >= 0) {
                List<Object> list = (List<Object>) next;
                at = list.get(index);
                if (i == steps.length - 1) {
                    list.set(index, value);
                    return;
                }
            } else {
                at = next;
            }
        }
    }

    static String describe(Object v) {
        String s = String.valueOf(v);
        s = s.length() > 24 ? s.substring(0, 12) + "…(" + s.length() + ")" : s;
        return s.replace("\u0000", "\\0").replace("\u0007", "\\a");
    }
}
