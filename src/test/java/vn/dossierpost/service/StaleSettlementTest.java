package vn.dossierpost.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dossierpost.api.agency.AgencyReceipt;
import vn.dossierpost.db.OutboxDAO;
import vn.dossierpost.service.handover.HandoverWork;
import vn.dossierpost.service.handover.SendOutcome;
import vn.dossierpost.service.notify.NotificationDelivery;
import vn.dossierpost.service.returnleg.AgencyNoticeOutbox;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.HandoverBeans;

/**
 * Fencing on settle: a sender whose lease ran out, and whose work a second sender claimed since, records
 * nothing when it comes back with its answer — whether the second sender is still at it or has
 * settled already. Each of the three kinds of leased work (a handover, a message to the applicant, a
 * notice to the agency) on the embedded PostgreSQL, with a lease short enough to run out in the test:
 * the whole of what a settlement may touch (dossiers, timeline, handovers, outbox, messages) is
 * compared before and after the stale settlement.
 */
class StaleSettlementTest {
    private static final String AGENCY = Dossiers.AGENCY;
    private static final Duration LEASE = Duration.ofMillis(300);
    private static HandoverBeans beans;

    /** A fresh database for each test: what one test queues is not another's to claim. */
    @BeforeEach
    void setUp() {
        beans = new HandoverBeans(LEASE);
        // no route runs here: the test is the sender
        beans.configure(AGENCY, "HTTP", "http://127.0.0.1:9/mot-cua/api", null);
    }

    @AfterEach
    void close() {
        beans.close();
    }

    @Test
    void aStaleHandoverSenderSettlesNothing() {
        String code = beans.readyDossier(1);
        assertThat(beans.handovers.batch(AGENCY)).isEqualTo(1);
        HandoverWork first = single(beans.handovers.claim(AGENCY, 10));
        HandoverWork second = single(claimAfterLease(() -> beans.handovers.claim(AGENCY, 10)));
        assertThat(second.attempt()).isEqualTo(first.attempt() + 1);
        assertThat(beans.handovers.holdLease(first))
                .as("the first sender's lease")
                .isFalse();

        // the first sender comes back while the second is still sending: neither a receipt nor a failure counts
        Map<String, List<Map<String, Object>>> whileSecondSends = snapshot();
        beans.handovers.settle(
                first, List.of(SendOutcome.delivered(first.items().get(0), receipt(code, "0001"))));
        beans.handovers.settle(
                first, List.of(SendOutcome.permanent(first.items().get(0), "422 từ chối")));
        beans.handovers.dropped(first);
        assertThat(snapshot()).isEqualTo(whileSecondSends);
        assertThat(beans.dossier(code, "status")).isEqualTo("IN_TRANSIT_TO_AGENCY");

        beans.handovers.settle(
                second, List.of(SendOutcome.delivered(second.items().get(0), receipt(code, "0002"))));
        assertThat(beans.dossier(code, "status")).isEqualTo("DELIVERED_TO_AGENCY");
        assertThat(beans.handoverState(code)).containsEntry("receipt_number", "0002");

        // and after the second has settled: the first's failure does not turn a delivered handover back
        Map<String, List<Map<String, Object>>> settled = snapshot();
        beans.handovers.settle(first, List.of(SendOutcome.tryAgain(first.items().get(0), "503")));
        beans.handovers.dropFailed(first, new IllegalStateException("ổ đĩa đầy"));
        assertThat(snapshot()).isEqualTo(settled);
        assertThat(beans.eventTypes(code)).containsOnlyOnce("DELIVERED_TO_AGENCY");
    }

    @Test
    void aStaleMessageSenderSettlesNothing() {
        beans.readyDossier(2);
        NotificationDelivery delivery = new NotificationDelivery(
                beans.jdbi, Clock.systemUTC(), HandoverBeans.RETRY, LEASE, new MetricRegistry());
        // the intake's messages (SMS and e-mail): the first sender takes them all, then so does the second
        NotificationDelivery.Message first = delivery.claim(10).get(0);
        NotificationDelivery.Message second =
                claimAfterLease(() -> delivery.claim(10)).get(0);
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.attempts()).isEqualTo(first.attempts() + 1);
        assertThat(delivery.holdLease(first)).isFalse();

        Map<String, List<Map<String, Object>>> whileSecondSends = snapshot();
        delivery.sent(first);
        delivery.failed(first, new IllegalStateException("SMTP 451"));
        delivery.failed(first, new Refused("số điện thoại không nhận tin"));
        assertThat(snapshot()).isEqualTo(whileSecondSends);

        delivery.sent(second);
        Map<String, List<Map<String, Object>>> settled = snapshot();
        delivery.failed(first, new Refused("số điện thoại không nhận tin"));
        assertThat(snapshot()).isEqualTo(settled);
        assertThat(column("SELECT sent_at IS NOT NULL FROM notification WHERE id = " + first.id(), Boolean.class))
                .isEqualTo(true);
    }

    @Test
    void aStaleAgencyNoticeSenderSettlesNothing() {
        String code = beans.readyDossier(3);
        long dossierId = beans.dossier(code, "id", Long.class);
        String body = "{\"eventId\":\"" + code + "/RESULT_DELIVERED\",\"type\":\"RESULT_DELIVERED\","
                + "\"dossierCode\":\"" + code + "\",\"note\":\"Người nhận: Nguyễn Thị Hồng Nhung\"}";
        beans.jdbi.useExtension(
                OutboxDAO.class, dao -> dao.enqueueNotice(dossierId, AGENCY, body, OffsetDateTime.now()));
        AgencyNoticeOutbox outbox =
                new AgencyNoticeOutbox(beans.jdbi, Clock.systemUTC(), HandoverBeans.RETRY, LEASE, new MetricRegistry());
        AgencyNoticeOutbox.Due first = single(outbox.claim(10));
        AgencyNoticeOutbox.Due second = single(claimAfterLease(() -> outbox.claim(10)));
        assertThat(second.attempts()).isEqualTo(first.attempts() + 1);

        Map<String, List<Map<String, Object>>> whileSecondSends = snapshot();
        outbox.sent(first);
        outbox.failed(first, new IllegalStateException("503"));
        outbox.failed(first, new Refused("400 không nhận"));
        assertThat(snapshot()).isEqualTo(whileSecondSends);

        outbox.failed(second, new IllegalStateException("503"));
        Map<String, List<Map<String, Object>>> backingOff = snapshot();
        outbox.sent(first);
        assertThat(snapshot()).isEqualTo(backingOff);
        assertThat(column("SELECT done_at IS NULL FROM outbox WHERE id = " + first.id(), Boolean.class))
                .as("still to send, after the second sender's backoff")
                .isEqualTo(true);
        assertThat(column("SELECT last_error FROM outbox WHERE id = " + first.id(), String.class))
                .isEqualTo("IllegalStateException: 503");
    }

    /** Claims again until the first claim's lease has run out (the second sender's pass). */
    private static <T> List<T> claimAfterLease(Supplier<List<T>> claim) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<T> claimed;
        while ((claimed = claim.get()).isEmpty()) {
            assertThat(System.nanoTime()).as("the lease runs out").isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return claimed;
    }

    private static <T> T single(List<T> claimed) {
        assertThat(claimed).hasSize(1);
        return claimed.get(0);
    }

    private static AgencyReceipt receipt(String code, String number) {
        return new AgencyReceipt(code, number, OffsetDateTime.now());
    }

    private static <T> T column(String sql, Class<T> type) {
        return beans.jdbi.withHandle(h -> h.createQuery(sql).mapTo(type).one());
    }

    /** Everything a settlement may change, row by row. */
    private static Map<String, List<Map<String, Object>>> snapshot() {
        return beans.jdbi.withHandle(h -> Map.of(
                "dossier",
                h.createQuery("SELECT id, status, updated_at FROM dossier ORDER BY id")
                        .mapToMap()
                        .list(),
                "dossier_event",
                h.createQuery("SELECT * FROM dossier_event ORDER BY id")
                        .mapToMap()
                        .list(),
                "handover",
                h.createQuery("SELECT * FROM handover ORDER BY id").mapToMap().list(),
                "handover_item",
                h.createQuery("SELECT * FROM handover_item ORDER BY handover_id, dossier_id")
                        .mapToMap()
                        .list(),
                "outbox",
                h.createQuery("SELECT * FROM outbox ORDER BY id").mapToMap().list(),
                "notification",
                h.createQuery("SELECT * FROM notification ORDER BY id")
                        .mapToMap()
                        .list()));
    }
}
