package vn.dossierpost.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import liquibase.Liquibase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import vn.dossierpost.domain.S10Number;
import vn.dossierpost.support.TestDatabase;

/**
 * Migration 020 on a database that issued S10 numbers from the old global sequence: the dossiers keep
 * their numbers, those numbers (and all below the sequence's last value) become a used-up series, and
 * every office gets a series after them, so nothing issued before is issued again.
 */
class S10SeriesMigrationTest {
    /** The change sets before 020: three in 001, one in each of 002 to 018. */
    private static final int BEFORE_020 = 20;

    @Test
    void theOldSequencesNumbersAreNeverIssuedAgainAndDossiersKeepTheirs() throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(TestDatabase.emptyDatabase());
        ds.setUser("postgres");
        Jdbi jdbi = Jdbi.create(ds);
        try (Connection c = ds.getConnection();
                Liquibase liquibase =
                        new Liquibase(Database.CHANGELOG, new ClassLoaderResourceAccessor(), new JdbcConnection(c))) {
            liquibase.update(BEFORE_020, "");
            // before: numbers from the global sequence, the last one on a dossier
            jdbi.useHandle(h -> {
                h.execute("SELECT setval('s10_serial', 4241)");
                long serial = h.createQuery("SELECT nextval('s10_serial')")
                        .mapTo(Long.class)
                        .one();
                h.execute(INSERT_DOSSIER, S10Number.of("EH", serial).value());
            });
            liquibase.update("");
        }

        String kept = jdbi.withHandle(h -> h.createQuery("SELECT s10_number FROM dossier")
                .mapTo(String.class)
                .one());
        assertThat(kept).isEqualTo(S10Number.of("EH", 4242).value());
        List<Map<String, Object>> series = jdbi.withHandle(h -> h.createQuery(
                        "SELECT office_code, prefix, serial_from, serial_to, next_serial FROM s10_series ORDER BY id")
                .mapToMap()
                .list());
        assertThat(series.get(0))
                .as("what the sequence issued, used up")
                .containsEntry("office_code", null)
                .containsEntry("prefix", "EH")
                .containsEntry("serial_from", 1L)
                .containsEntry("serial_to", 4242L)
                .containsEntry("next_serial", 4243L);
        List<String> offices = jdbi.withHandle(h -> h.createQuery("SELECT code FROM post_office ORDER BY code")
                .mapTo(String.class)
                .list());
        assertThat(series.subList(1, series.size()))
                .extracting(s -> s.get("office_code"))
                .containsExactlyElementsOf(offices);
        long end = 4242;
        for (Map<String, Object> s : series.subList(1, series.size())) {
            assertThat(s.get("prefix")).isEqualTo("EH");
            assertThat((Long) s.get("serial_from"))
                    .as("right after the previous one")
                    .isEqualTo(end + 1);
            assertThat(s.get("next_serial")).isEqualTo(s.get("serial_from"));
            end = (Long) s.get("serial_to");
        }

        // the first intake after it takes the first number of its office's series
        IntakeWriter.Allocation first =
                new IntakeWriter(ds).allocate("000.00.15.H26", LocalDate.of(2026, 12, 2), offices.get(0));
        assertThat(first.prefix()).isEqualTo("EH");
        assertThat(first.serial()).isEqualTo(4243L);
    }

    private static final String INSERT_DOSSIER = """
            INSERT INTO dossier (code, s10_number, procedure_code, agency_code, office_code, service_form, status,
                applicant_name, applicant_citizen_id, applicant_phone, applicant_street, applicant_commune,
                delivery_method, route_class, received_at, received_by, acceptance_day, postage, government_fee,
                payment_method, fees, updated_at)
            VALUES ('000.00.15.H26-261201-0001', ?, '2.000488', '000.00.15.H26', '100000', 'SEND_ONLY', 'RECEIVED',
                'Lê Thị Thu Hằng', '001190123456', '0912345678', 'Số 1 Tràng Tiền', '00070',
                'PICKUP_AT_OFFICE', 'WITHIN_PROVINCE', now(), 'clerk', current_date, 28000, 200000,
                'CASH', '{}', now())
            """;
}
