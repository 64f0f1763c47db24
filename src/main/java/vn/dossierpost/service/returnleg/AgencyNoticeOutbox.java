package vn.dossierpost.service.returnleg;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dossierpost.db.AgencyDAO;
import vn.dossierpost.db.OutboxDAO;
import vn.dossierpost.domain.AgencyChannel;
import vn.dossierpost.service.Refused;
import vn.dossierpost.service.RetryPolicy;

/**
 * The outbox side of the notices {@link AgencyNotices} queues, for the sender that routes/agency-notices.yaml
 * calls: leases due notices with their agency's channel, then marks each sent, to be tried again with the
 * {@link RetryPolicy}'s backoff, or given up (the agency refused it, or past the retry age). How a notice
 * travels (HTTP, a file in the agency's drop folder) is the sender's business, not this class's.
 */
public final class AgencyNoticeOutbox {
    private static final Logger LOG = LoggerFactory.getLogger(AgencyNoticeOutbox.class);

    /** A leased notice to send through its agency's channel (configured: the others are not handed out). */
    public record Due(long id, int attempts, OffsetDateTime createdAt, AgencyChannel agency, String body) {}

    private final Jdbi jdbi;
    private final Clock clock;
    private final RetryPolicy retry;
    private final Duration lease;
    private final Meter sent;
    private final Meter failed;

    public AgencyNoticeOutbox(Jdbi jdbi, Clock clock, RetryPolicy retry, Duration lease, MetricRegistry metrics) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.retry = retry;
        this.lease = lease;
        this.sent = metrics.meter("agencyNotices.sent");
        this.failed = metrics.meter("agencyNotices.failed");
    }

    /**
     * Leases due notices; those of an agency whose channel is not configured are tried again later,
     * like a failed send, until the retry age.
     */
    public List<Due> claim(int limit) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<OutboxDAO.ClaimedNotice> claimed =
                jdbi.withExtension(OutboxDAO.class, dao -> dao.claimNotices(now, now.plus(lease), limit));
        if (claimed.isEmpty()) {
            return List.of();
        }
        Map<String, AgencyChannel> agencies = jdbi.withExtension(AgencyDAO.class, AgencyDAO::channels).stream()
                .collect(Collectors.toMap(AgencyChannel::code, Function.identity()));
        List<Due> due = new ArrayList<>(claimed.size());
        for (OutboxDAO.ClaimedNotice c : claimed) {
            AgencyChannel a = agencies.get(c.agencyCode());
            Due n = new Due(c.id(), c.attempts(), c.createdAt(), a, c.payload());
            if (a == null || !a.configured()) {
                failed(n, new IllegalStateException("agency " + c.agencyCode() + " has no configured channel"));
            } else {
                due.add(n);
            }
        }
        return due;
    }

    public void sent(Due n) {
        int rows =
                jdbi.withExtension(OutboxDAO.class, dao -> dao.done(n.id(), n.attempts(), OffsetDateTime.now(clock)));
        if (settled(n, "sent", rows)) {
            sent.mark();
        }
    }

    /**
     * Whether this sender's record of the notice counted: none did when its lease ran out and another
     * sender claimed the notice since (that sender's record is the one that stands).
     */
    private static boolean settled(Due n, String outcome, int rows) {
        if (rows == 0) {
            LOG.warn(
                    "notice {}: not recorded as {}, attempt {} no longer holds it "
                            + "(its lease ran out and another sender claimed it)",
                    n.id(),
                    outcome,
                    n.attempts());
        }
        return rows == 1;
    }

    /** A send that failed: given up when the agency refused it ({@link Refused}) or past the retry age, else tried again later. */
    public void failed(Due n, Exception cause) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        if (cause instanceof Refused || retry.givenUp(Duration.between(n.createdAt(), now))) {
            if (!settled(
                    n,
                    "given up",
                    jdbi.withExtension(OutboxDAO.class, dao -> dao.givenUp(n.id(), n.attempts(), now, error)))) {
                return;
            }
            failed.mark();
            LOG.warn(
                    "notice {} to agency {} given up after {} attempts: {}",
                    n.id(),
                    n.agency() == null ? "?" : n.agency().code(),
                    n.attempts(),
                    error);
            return;
        }
        Duration delay =
                retry.delayAfter(n.attempts(), () -> ThreadLocalRandom.current().nextDouble());
        int rows = jdbi.withExtension(
                OutboxDAO.class, dao -> dao.retryLater(n.id(), n.attempts(), now.plus(delay), error));
        if (!settled(n, "to send again", rows)) {
            return;
        }
        LOG.info("notice {} to be sent again in {} ms: {}", n.id(), delay.toMillis(), error);
    }
}
