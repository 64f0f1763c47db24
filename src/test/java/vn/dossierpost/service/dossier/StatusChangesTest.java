package vn.dossierpost.service.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import vn.dossierpost.db.DossierDAO;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.db.EventDAO;
import vn.dossierpost.db.IntakeWriter;
import vn.dossierpost.db.JdbiSetup;
import vn.dossierpost.domain.Actor;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.IllegalTransitionException;
import vn.dossierpost.domain.TimelineEvent;
import vn.dossierpost.support.StoredDossiers;
import vn.dossierpost.support.TestDatabase;

/** The one path of status changes and timeline entries, against the embedded PostgreSQL. */
class StatusChangesTest {
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Actor CLERK = new Actor("lan.nguyen", "100000", null);

    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();
    private final Jdbi jdbi;
    /** Moves on by 300 ms each time it is read: several changes within one second. */
    private final Clock ticking = new Clock() {
        private Instant now = Instant.parse("2026-12-02T03:00:00Z");

        @Override
        public ZoneId getZone() {
            return HANOI;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            now = now.plus(Duration.ofMillis(300));
            return now;
        }
    };

    private final StatusChanges changes = new StatusChanges(ticking);

    StatusChangesTest() {
        dataSource.setUrl(TestDatabase.newDatabase());
        dataSource.setUser("postgres");
        jdbi = JdbiSetup.configure(Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()));
    }

    @Test
    void aChangeWritesTheStatusAndItsEventTogetherOnOneClock() {
        long id = receivedDossier("000.00.15.H26-261202-0001");
        jdbi.useTransaction(h -> changes.move(
                h, CLERK, lock(h, id), DossierStatus.DIGITISED, "every required document is scanned", null));

        DossierRow row =
                jdbi.withExtension(DossierDAO.class, dao -> dao.findById(id)).orElseThrow();
        List<EventDAO.EventRow> timeline = jdbi.withExtension(EventDAO.class, dao -> dao.timeline(id));
        assertThat(row.status()).isEqualTo(DossierStatus.DIGITISED);
        EventDAO.EventRow last = timeline.get(timeline.size() - 1);
        assertThat(last.type()).isEqualTo("DIGITISED");
        assertThat(last.fromStatus()).isEqualTo(DossierStatus.RECEIVED);
        assertThat(last.actor()).isEqualTo("lan.nguyen");
        assertThat(last.officeCode()).isEqualTo("100000");
        assertThat(last.at().getNano()).as("events are to the second").isZero();
        assertThat(row.updatedAt().toInstant())
                .as("updated_at keeps the clock's fraction")
                .isAfter(last.at().toInstant())
                .isBefore(last.at().toInstant().plusSeconds(1));
    }

    @Test
    void twoChangesWithinOneSecondGetIncreasingUpdatedAt() {
        long id = receivedDossier("000.00.15.H26-261202-0002");
        jdbi.useTransaction(h -> changes.move(h, CLERK, lock(h, id), DossierStatus.DIGITISED, null, null));
        OffsetDateTime first = jdbi.withExtension(DossierDAO.class, dao -> dao.findById(id))
                .orElseThrow()
                .updatedAt();
        jdbi.useTransaction(h -> changes.rescheduled(h, id, LocalDate.of(2026, 12, 20), LocalDate.of(2026, 12, 23)));
        OffsetDateTime second = jdbi.withExtension(DossierDAO.class, dao -> dao.findById(id))
                .orElseThrow()
                .updatedAt();

        assertThat(second.toEpochSecond()).isEqualTo(first.toEpochSecond());
        assertThat(second)
                .as("the agencies' sync pages by updated_at: the second change must come after the first")
                .isAfter(first);
    }

    @Test
    void aTransitionTheTableForbidsWritesNothing() {
        long id = receivedDossier("000.00.15.H26-261202-0003");
        int before = jdbi.withExtension(EventDAO.class, dao -> dao.timeline(id)).size();

        assertThatThrownBy(() -> jdbi.useTransaction(
                        h -> changes.move(h, CLERK, lock(h, id), DossierStatus.DELIVERED, null, null)))
                .isInstanceOf(IllegalTransitionException.class);

        assertThat(jdbi.withExtension(DossierDAO.class, dao -> dao.findById(id))
                        .orElseThrow()
                        .status())
                .isEqualTo(DossierStatus.RECEIVED);
        List<EventDAO.EventRow> after = jdbi.withExtension(EventDAO.class, dao -> dao.timeline(id));
        assertThat(after).hasSize(before);
    }

    @Test
    void anEntryThatIsNotAStatusChangeLeavesTheStatusAlone() {
        long id = receivedDossier("000.00.15.H26-261202-0004");
        jdbi.useTransaction(
                h -> changes.record(h, CLERK, id, TimelineEvent.FILE_ADDED, "TO_KHAI: tờ khai.pdf", "{\"fileId\": 1}"));

        EventDAO.EventRow last =
                jdbi.withExtension(EventDAO.class, dao -> dao.timeline(id)).get(1);
        assertThat(last.type()).isEqualTo("FILE_ADDED");
        assertThat(last.fromStatus()).isNull();
        assertThat(last.toStatus()).isNull();
        assertThat(last.note()).isEqualTo("TO_KHAI: tờ khai.pdf");
        assertThat(jdbi.withExtension(DossierDAO.class, dao -> dao.findById(id))
                        .orElseThrow()
                        .status())
                .isEqualTo(DossierStatus.RECEIVED);
    }

    private static DossierRow lock(org.jdbi.v3.core.Handle h, long id) {
        return h.attach(DossierDAO.class).lockById(id).orElseThrow();
    }

    private long receivedDossier(String code) {
        return new IntakeWriter(dataSource)
                .insert(
                        StoredDossiers.received(code),
                        List.of(new IntakeWriter.Document("TO_KHAI", "Tờ khai", "ORIGINAL", 2, 1)),
                        IntakeWriter.Along.NOTHING);
    }
}
