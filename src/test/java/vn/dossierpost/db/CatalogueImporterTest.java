package vn.dossierpost.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liquibase.Liquibase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the real changelog on an embedded PostgreSQL, then imports catalogues into it. */
class CatalogueImporterTest {
    private static final List<String> CATALOGUE_TABLES = List.of(
            "province",
            "commune",
            "agency",
            "post_office",
            "route_class",
            "tariff",
            "procedure",
            "procedure_component",
            "calendar_day");

    private static EmbeddedPostgres postgres;
    private static Jdbi jdbi;

    @BeforeAll
    static void migrate() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            new Liquibase("migrations/changelog.xml", new ClassLoaderResourceAccessor(), new JdbcConnection(connection))
                    .update("");
        }
        jdbi = Jdbi.create(postgres.getPostgresDatabase());
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theMigrationLoadsTheReferenceCatalogue() {
        assertThat(count("province")).isEqualTo(34);
        assertThat(count("procedure")).isGreaterThanOrEqualTo(10);
        assertThat(count("agency")).isGreaterThanOrEqualTo(5);
        assertThat(count("post_office")).isGreaterThanOrEqualTo(5);
        assertThat(count("route_class")).isEqualTo(4);
        assertThat(count("tariff")).isEqualTo(8);
        assertThat(query("SELECT DISTINCT extract(year FROM day)::int::text FROM calendar_day ORDER BY 1"))
                .containsExactly("2025", "2026", "2027");
        assertThat(query("SELECT code FROM procedure WHERE NOT postal_allowed")).isNotEmpty();
        assertThat(query("SELECT code FROM province WHERE major_city ORDER BY code"))
                .containsExactly("01", "31", "46", "48", "79", "92");
        assertThat(
                        query(
                                "SELECT code || ':' || days || '/' || days_with_appointment_slip FROM route_class ORDER BY days"))
                .containsExactly(
                        "WITHIN_COMMUNE:1/2",
                        "WITHIN_PROVINCE:2/4",
                        "INTER_PROVINCE_MAJOR_CITY:3/6",
                        "INTER_PROVINCE:4/8");
        assertThat(count("procedure_component")).isGreaterThan(count("procedure"));
    }

    @Test
    void vietnameseTextReadsBackByteIdentical() {
        Catalogue file = fileCatalogue();
        Catalogue.Procedure first = file.procedures().get(0);
        String stored = jdbi.withHandle(h -> h.createQuery("SELECT name FROM procedure WHERE code = :code")
                .bind("code", first.code())
                .mapTo(String.class)
                .one());

        assertThat(stored).isEqualTo("Cấp Phiếu lý lịch tư pháp số 1 cho công dân Việt Nam");
        assertThat(stored.getBytes(StandardCharsets.UTF_8))
                .isEqualTo(first.name().getBytes(StandardCharsets.UTF_8));
        assertThat(query("SELECT name FROM commune WHERE code = '00070'")).containsExactly("Phường Hoàn Kiếm");
    }

    @Test
    void importingTheSameFileAgainChangesNothing() {
        Map<String, List<String>> before = snapshot();
        List<String> provinceVersions = query("SELECT xmin::text FROM province ORDER BY code");

        Catalogue file = fileCatalogue();
        CatalogueImporter.Result result = new CatalogueImporter(jdbi).importCatalogue(file);

        assertThat(snapshot()).isEqualTo(before);
        assertThat(query("SELECT xmin::text FROM province ORDER BY code"))
                .as("unchanged rows are not rewritten")
                .isEqualTo(provinceVersions);
        assertThat(result.provinces()).isEqualTo(34);
        assertThat(result.procedures()).isEqualTo(file.procedures().size());
        assertThat(result.tariffRates()).isEqualTo(8);
        assertThat(result.calendarDays()).isEqualTo(file.calendar().size());
    }

    @Test
    void anInvalidCatalogueIsRefusedWithTheFieldPathAndWritesNothing() {
        Catalogue file = fileCatalogue();
        List<Catalogue.Province> provinces = new ArrayList<>(file.provinces());
        provinces.set(0, new Catalogue.Province("01", "Hà Nội (renamed, must not be written)", true));
        List<Catalogue.Office> offices = new ArrayList<>(file.offices());
        offices.add(new Catalogue.Office("100999", "Bưu cục thử", "01", "0070", "Số 1 Tràng Tiền", null));
        List<Catalogue.Procedure> procedures = new ArrayList<>(file.procedures());
        procedures.add(new Catalogue.Procedure(
                "9.999999",
                "Thủ tục thử",
                null,
                "000.00.99.H26",
                5,
                0L,
                true,
                null,
                List.of(new Catalogue.Component("DON", "Đơn", "ORIGINAL", true)),
                null,
                null));
        Catalogue invalid = new Catalogue(
                provinces,
                file.communes(),
                file.agencies(),
                offices,
                procedures,
                file.routeClasses(),
                file.tariff(),
                file.calendar());
        Map<String, List<String>> before = snapshot();

        assertThatThrownBy(() -> new CatalogueImporter(jdbi).importCatalogue(invalid))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("offices[" + file.offices().size() + "].communeCode: must be 5 digits")
                .hasMessageContaining(
                        "procedures[" + file.procedures().size() + "].agencyCode: unknown agency 000.00.99.H26")
                .satisfies(e -> assertThat(((CatalogueException) e).problems()).hasSize(2));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aRefusedCatalogueFailsItsChangeSetAndLeavesNothingBehind() throws Exception {
        jdbi.useHandle(h -> h.execute("CREATE DATABASE refused"));
        javax.sql.DataSource refused = postgres.getDatabase("postgres", "refused");

        try (Connection connection = refused.getConnection()) {
            Liquibase liquibase = new Liquibase(
                    "catalogue-test/changelog-refused.xml",
                    new ClassLoaderResourceAccessor(),
                    new JdbcConnection(connection));
            assertThatThrownBy(() -> liquibase.update(""))
                    .hasStackTraceContaining("offices[0].communeCode: unknown commune 00071");
        }

        Jdbi db = Jdbi.create(refused);
        int provinces = db.withHandle(h -> h.createQuery("SELECT count(*) FROM province")
                .mapTo(Integer.class)
                .one());
        List<String> ran = db.withHandle(h -> h.createQuery("SELECT id FROM databasechangelog")
                .mapTo(String.class)
                .list());
        assertThat(provinces).isZero();
        assertThat(ran).isNotEmpty().doesNotContain("refused-catalogue");
    }

    @Test
    void eachRuleNamesTheEntryAndTheField() {
        String json = """
                {"provinces": [{"code": "1", "name": "Tỉnh Thử"}, {"code": "01", "name": "Trùng mã"}],
                 "communes": [{"code": "123", "name": "Xã Thử", "provinceCode": "01"},
                              {"code": "99999", "name": "Xã Thử", "provinceCode": "77"}],
                 "agencies": [{"code": "H26.000", "name": "Cơ quan thử", "provinceCode": "01",
                               "communeCode": "20242", "address": "Số 1"}],
                 "procedures": [{"code": "1.000001", "name": "Thủ tục", "agencyCode": "000.00.15.H26",
                                 "processingDays": -1, "governmentFee": -5, "postalAllowed": true,
                                 "components": [{"code": "DON", "name": "Đơn", "form": "SCAN", "required": true},
                                                {"code": "DON", "name": "Đơn", "form": "COPY", "required": true}]}],
                 "tariff": [{"routeClass": "BY_AIR", "leg": "OUTBOUND", "amount": 1}],
                 "calendar": [{"date": "2025-02-30", "kind": "HOLIDAY", "name": "Ngày không có"},
                              {"date": "2025-03-03", "kind": "FEAST", "name": "Ngày lạ"},
                              {"date": "2025-03-04", "kind": "WORKING_DAY", "name": "Làm bù thứ Ba?"}]}
                """;
        Map<String, List<String>> before = snapshot();

        assertThatThrownBy(() -> new CatalogueImporter(jdbi).importCatalogue(stream(json)))
                .isInstanceOfSatisfying(
                        CatalogueException.class,
                        e -> assertThat(e.problems())
                                .contains(
                                        "provinces[0].code: must be 2 digits, was \"1\"",
                                        "communes[0].code: must be 5 digits, was \"123\"",
                                        "communes[1].provinceCode: unknown province 77",
                                        "agencies[0].code: must be an identifier like 000.00.15.H29 (NNN.NN.NN.XNN), was \"H26.000\"",
                                        "agencies[0].communeCode: commune 20242 is in province 48, not 01",
                                        "procedures[0].processingDays: must not be negative",
                                        "procedures[0].governmentFee: must not be negative",
                                        "procedures[0].components[0].form: must be ORIGINAL or COPY",
                                        "procedures[0].components[1].code: duplicate code DON (also components[0])",
                                        "tariff[0].routeClass: unknown route class BY_AIR",
                                        "calendar[0].date: must be a date YYYY-MM-DD, was \"2025-02-30\"",
                                        "calendar[1].kind: must be HOLIDAY, DAY_OFF or WORKING_DAY",
                                        "calendar[2].kind: a make-up WORKING_DAY must fall on a Saturday or Sunday, "
                                                + "2025-03-04 is a TUESDAY"));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void duplicateCodesInTheFileAreRefused() {
        Catalogue file = fileCatalogue();
        List<Catalogue.Commune> communes = new ArrayList<>(file.communes());
        communes.add(communes.get(1));
        Catalogue duplicated = new Catalogue(null, communes, null, null, null, null, null, null);

        assertThatThrownBy(() -> new CatalogueImporter(jdbi).importCatalogue(duplicated))
                .hasMessageContaining(
                        "communes[" + file.communes().size() + "].code: duplicate code 00070 (also communes[1])");
    }

    @Test
    void aPartialCatalogueOfCommunesImportsOnItsOwn() {
        String json = """
                {"_note": "communes only",
                 "communes": [{"code": "00160", "name": "Phường Nghĩa Đô", "provinceCode": "01"}]}
                """;

        CatalogueImporter.Result result = new CatalogueImporter(jdbi).importCatalogue(stream(json));

        assertThat(result.communes()).isEqualTo(1);
        assertThat(result.provinces()).isZero();
        assertThat(query("SELECT name || '/' || province_code FROM commune WHERE code = '00160'"))
                .containsExactly("Phường Nghĩa Đô/01");
    }

    @Test
    void aValueOfTheWrongTypeIsReportedWithItsPath() {
        String json = """
                {"procedures": [{"code": "1.000001", "processingDays": "mười"}]}
                """;

        assertThatThrownBy(() -> CatalogueImporter.read(stream(json)))
                .isInstanceOf(CatalogueException.class)
                .hasMessageStartingWith("procedures[0].processingDays: ");
    }

    // --- helpers ---------------------------------------------------------------------------------

    @Test
    void theRulesOfLaterMigrationsComeFromTheFileWithTheirDefaultsWhenLeftOut() {
        assertThat(proxyAllowed("9.000101"))
                .as("judicial record No. 2, after the migrations")
                .isFalse();
        assertThat(proxyAllowed("2.000488")).isTrue();
        assertThat(feeRefundable("9.000101")).isTrue();
        assertThat(feeRefundable("2.000635")).isFalse();
        Catalogue file = fileCatalogue();
        Catalogue.Procedure no2 = file.procedures().stream()
                .filter(p -> p.code().equals("9.000101"))
                .findFirst()
                .orElseThrow();
        Catalogue leftOut = new Catalogue(
                null,
                null,
                null,
                null,
                List.of(new Catalogue.Procedure(
                        no2.code(),
                        no2.name(),
                        no2.nameEn(),
                        no2.agencyCode(),
                        no2.processingDays(),
                        no2.governmentFee(),
                        no2.postalAllowed(),
                        no2.legalBasis(),
                        no2.components(),
                        null,
                        null)),
                null,
                null,
                null);
        try {
            new CatalogueImporter(jdbi).importCatalogue(leftOut);
            assertThat(proxyAllowed("9.000101")).isTrue();
            assertThat(feeRefundable("9.000101")).isFalse();
        } finally {
            new CatalogueImporter(jdbi).importCatalogue(file);
        }
        assertThat(proxyAllowed("9.000101")).isFalse();
        assertThat(feeRefundable("9.000101")).isTrue();
    }

    private static boolean proxyAllowed(String code) {
        return procedureFlag("proxy_allowed", code);
    }

    private static boolean feeRefundable(String code) {
        return procedureFlag("fee_refundable_on_refusal", code);
    }

    private static boolean procedureFlag(String column, String code) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + column + " FROM procedure WHERE code = :c")
                .bind("c", code)
                .mapTo(Boolean.class)
                .one());
    }

    private static Catalogue fileCatalogue() {
        try (InputStream in =
                CatalogueImporterTest.class.getClassLoader().getResourceAsStream("migrations/catalogue.json")) {
            assertThat(in).as("migrations/catalogue.json on the class path").isNotNull();
            return CatalogueImporter.read(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static InputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private static int count(String table) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM " + table)
                .mapTo(Integer.class)
                .one());
    }

    private static List<String> query(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    /** Every row of every catalogue table, as text. */
    private static Map<String, List<String>> snapshot() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : CATALOGUE_TABLES) {
            rows.put(table, query("SELECT t::text FROM " + table + " t ORDER BY 1"));
        }
        return rows;
    }
}
