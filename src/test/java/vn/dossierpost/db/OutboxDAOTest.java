package vn.dossierpost.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.Test;
import vn.dossierpost.support.TestDatabase;

/** Claims are exclusive under concurrency, and a lease that runs out lets the work be claimed again. */
class OutboxDAOTest {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 23, 9, 0, 0, 0, ZoneOffset.ofHours(7));
    private final Jdbi jdbi = JdbiSetup.configure(
            Jdbi.create(TestDatabase.newDatabase(), "postgres", "").installPlugin(new SqlObjectPlugin()));
    private static final String AGENCY = "000.00.15.H26";
    private final OutboxDAO outbox = jdbi.onDemand(OutboxDAO.class);

    /** Dossiers to queue: the outbox refers to real dossier rows. */
    private List<Long> dossiers(int n) {
        return jdbi.withHandle(h -> {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ids.add(h.createQuery(
                                "INSERT INTO dossier (code, procedure_code, agency_code, office_code, service_form, status, "
                                        + "applicant_name, applicant_citizen_id, applicant_phone, applicant_street, applicant_commune, delivery_method, "
                                        + "route_class, received_at, received_by, acceptance_day, postage, government_fee, payment_method, fees, updated_at) "
                                        + "VALUES (:code, '2.000488', '000.00.15.H26', '100000', 'SEND_ONLY', 'DIGITISED', 'Phạm Minh Quân', "
                                        + "'001190123456', '0912345678', 'Số 1', '00070', 'PICKUP_AT_OFFICE', 'WITHIN_PROVINCE', :at, 'clerk', "
                                        + "CAST(:at AS date), 0, 0, 'CASH', '{}', :at) RETURNING id")
                        .bind("code", "000.00.15.H26-261123-" + (1000 + i))
                        .bind("at", T0)
                        .mapTo(Long.class)
                        .one());
            }
            return ids;
        });
    }

    @Test
    void concurrentSendersNeverClaimTheSameRow() throws Exception {
        for (long id : dossiers(200)) {
            outbox.enqueue(OutboxDAO.HANDOVER, id, AGENCY, T0);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<List<Long>>> senders = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            senders.add(() -> {
                List<Long> mine = new ArrayList<>();
                List<OutboxDAO.Claimed> batch;
                while (!(batch = jdbi.inTransaction(h -> h.attach(OutboxDAO.class)
                                .claimFor(OutboxDAO.HANDOVER, AGENCY, T0.plusMinutes(1), T0.plusMinutes(6), 7)))
                        .isEmpty()) {
                    batch.forEach(c -> mine.add(c.id()));
                }
                return mine;
            });
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : pool.invokeAll(senders)) {
            all.addAll(f.get());
        }
        pool.shutdown();
        Set<Long> distinct = new HashSet<>(all);
        assertThat(all).hasSize(200);
        assertThat(distinct).hasSize(200);
    }

    @Test
    void anExpiredLeaseIsClaimedAgainAndDoneWorkIsNot() {
        List<Long> ids = dossiers(2);
        outbox.enqueue(OutboxDAO.HANDOVER, ids.get(0), AGENCY, T0);
        outbox.enqueue(OutboxDAO.HANDOVER, ids.get(1), AGENCY, T0);
        List<OutboxDAO.Claimed> first = outbox.claimFor(OutboxDAO.HANDOVER, AGENCY, T0, T0.plusMinutes(5), 10);
        assertThat(first).hasSize(2);
        assertThat(outbox.claimFor(OutboxDAO.HANDOVER, AGENCY, T0.plusMinutes(1), T0.plusMinutes(6), 10))
                .as("still leased")
                .isEmpty();

        outbox.done(first.get(0).id(), first.get(0).attempts(), T0.plusMinutes(2));
        // the sender of the other row died: after the lease it is claimed again, the attempt counted
        List<OutboxDAO.Claimed> again =
                outbox.claimFor(OutboxDAO.HANDOVER, AGENCY, T0.plusMinutes(6), T0.plusMinutes(11), 10);
        assertThat(again).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(first.get(1).id());
            assertThat(c.attempts()).isEqualTo(2);
        });

        outbox.retryLater(again.get(0).id(), 2, T0.plusMinutes(20), "agency answered 503");
        assertThat(outbox.claimFor(OutboxDAO.HANDOVER, AGENCY, T0.plusMinutes(10), T0.plusMinutes(15), 10))
                .as("backing off")
                .isEmpty();
        assertThat(outbox.claimFor(OutboxDAO.HANDOVER, AGENCY, T0.plusMinutes(20), T0.plusMinutes(25), 10))
                .hasSize(1);
    }
}
