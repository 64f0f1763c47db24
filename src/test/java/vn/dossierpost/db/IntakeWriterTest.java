package vn.dossierpost.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import vn.dossierpost.support.StoredDossiers;
import vn.dossierpost.support.TestDatabase;

/** The intake statement stores a dossier, its documents and its first event together, or nothing. */
class IntakeWriterTest {
    private final PGSimpleDataSource dataSource = dataSource(TestDatabase.newDatabase());
    private final Jdbi jdbi = Jdbi.create(dataSource);
    private final IntakeWriter writer = new IntakeWriter(dataSource);

    private static PGSimpleDataSource dataSource(String url) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser("postgres");
        return ds;
    }

    @Test
    void storesAllThreeInOneGo() {
        long id = writer.insert(
                StoredDossiers.received("000.00.15.H26-261123-0001"),
                List.of(
                        new IntakeWriter.Document("TO_KHAI", "Tờ khai", "ORIGINAL", 2, 1),
                        new IntakeWriter.Document("GIAY_TO_TUY_THAN", "Căn cước", "COPY", 1, 2)),
                IntakeWriter.Along.NOTHING);
        assertThat(count("dossier_component WHERE dossier_id = " + id)).isEqualTo(2);
        assertThat(count("dossier_event WHERE dossier_id = " + id + " AND to_status = 'RECEIVED'"))
                .isEqualTo(1);
        String name = jdbi.withHandle(
                h -> h.createQuery("SELECT name FROM dossier_component WHERE dossier_id = :id AND code = 'TO_KHAI'")
                        .bind("id", id)
                        .mapTo(String.class)
                        .one());
        assertThat(name).isEqualTo("Tờ khai");
    }

    @Test
    void aFailingDocumentLeavesNoDossierAndNoEvent() {
        long dossiersBefore = count("dossier");
        long eventsBefore = count("dossier_event");
        assertThatThrownBy(() -> writer.insert(
                        StoredDossiers.received("000.00.15.H26-261123-0002"),
                        List.of(new IntakeWriter.Document("TO_KHAI", "Tờ khai", "ORIGINAL", 0, 1)),
                        IntakeWriter.Along.NOTHING))
                .hasMessageContaining("pages");
        assertThat(count("dossier")).isEqualTo(dossiersBefore);
        assertThat(count("dossier_event")).isEqualTo(eventsBefore);
    }

    @Test
    void allocatesConsecutiveCodesPerAgencyAndDay() {
        LocalDate day = LocalDate.of(2026, 11, 23);
        IntakeWriter.Allocation first = writer.allocate("000.00.15.H26", day, "100000");
        IntakeWriter.Allocation second = writer.allocate("000.00.15.H26", day, "100000");
        IntakeWriter.Allocation otherAgency = writer.allocate("000.00.15.H29", day, "100000");
        IntakeWriter.Allocation nextDay = writer.allocate("000.00.15.H26", day.plusDays(1), "100000");
        assertThat(List.of(first.sequence(), second.sequence(), otherAgency.sequence(), nextDay.sequence()))
                .containsExactly(1, 2, 1, 1);
        assertThat(second.serial()).isEqualTo(first.serial() + 1); // the office's series, one after the other
        assertThat(second.prefix()).isEqualTo(first.prefix());
    }

    private long count(String fromWhere) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM " + fromWhere)
                .mapTo(Long.class)
                .one());
    }
}
