package vn.dossierpost.integration;

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
import vn.dossierpost.domain.AgencyChannel;
import vn.dossierpost.domain.Channel;
import vn.dossierpost.db.AgencyDAO;
import vn.dossierpost.db.OutboxDAO;
import vn.dossierpost.service.RetryPolicy;

/**
 * The sending side of {@link vn.dossierpost.service.returnleg.AgencyNotices}, called by routes/agency-notices.yaml:
 * leases due notices with what the route needs to send each through its agency's channel (HTTP, or a
 * JSON Lines file with its done file in the agency's drop folder), then marks them sent, to be tried
 * again with backoff, or given up (an agency's 4xx, or past the retry age).
 */
public final class AgencyNoticeSender {
    private static final Logger LOG = LoggerFactory.getLogger(AgencyNoticeSender.class);

    /**
     * One notice to send. {@code fileEndpoint} is the agency's drop folder with its options (for
     * FILE_DROP and SFTP), {@code fileName} the notice's file there.
     */
    public record Notice(long id, int attempts, OffsetDateTime createdAt, AgencyChannel agency, String channel, String body,
                         String fileEndpoint, String fileName) {}

    /** The agency answered with a refusal another attempt would not change. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final RetryPolicy retry;
    private final Duration lease;
    private final Function<AgencyChannel, String> dropOptions;
    private final Meter sent;
    private final Meter failed;

    public AgencyNoticeSender(Jdbi jdbi, Clock clock, RetryPolicy retry, Duration lease, Function<AgencyChannel, String> dropOptions,
                              MetricRegistry metrics) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.retry = retry;
        this.lease = lease;
        this.dropOptions = dropOptions;
        this.sent = metrics.meter("agencyNotices.sent");
        this.failed = metrics.meter("agencyNotices.failed");
    }

    /**
     * Leases due notices; those of an agency whose channel is not configured are tried again later,
     * like a failed send, until the retry age.
     */
    public List<Notice> claim(int limit) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<OutboxDAO.ClaimedNotice> claimed = jdbi.withExtension(OutboxDAO.class, dao -> dao.claimNotices(now, now.plus(lease), limit));
        if (claimed.isEmpty()) {
            return List.of();
        }
        Map<String, AgencyChannel> agencies = jdbi.withExtension(AgencyDAO.class, AgencyDAO::channels).stream()
                .collect(Collectors.toMap(AgencyChannel::code, a -> a));
        List<Notice> due = new ArrayList<>(claimed.size());
        for (OutboxDAO.ClaimedNotice c : claimed) {
            AgencyChannel a = agencies.get(c.agencyCode());
            Notice n = new Notice(c.id(), c.attempts(), c.createdAt(), a, a == null ? null : a.channel().name(), c.payload(), null, null);
            if (a == null || !a.configured()) {
                failed(n, new IllegalStateException("agency " + c.agencyCode() + " has no configured channel"));
            } else if (a.channel() == Channel.HTTP) {
                due.add(n);
            } else {
                due.add(new Notice(c.id(), c.attempts(), c.createdAt(), a, a.channel().name(), c.payload(),
                        AgencyRoutes.dropEndpoint(a) + "?" + dropOptions.apply(a), "notice-" + c.id() + ".jsonl"));
            }
        }
        return due;
    }

    public void sent(Notice n) {
        jdbi.useExtension(OutboxDAO.class, dao -> dao.done(n.id(), OffsetDateTime.now(clock)));
        sent.mark();
    }

    public void failed(Notice n, Exception cause) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        if (cause instanceof Refused || retry.givenUp(Duration.between(n.createdAt(), now))) {
            jdbi.useExtension(OutboxDAO.class, dao -> dao.givenUp(n.id(), now, error));
            failed.mark();
            LOG.warn("notice {} to agency {} given up after {} attempts: {}", n.id(), n.agency() == null ? "?" : n.agency().code(),
                    n.attempts(), error);
            return;
        }
        Duration delay = retry.delayAfter(n.attempts(), () -> ThreadLocalRandom.current().nextDouble());
        jdbi.useExtension(OutboxDAO.class, dao -> dao.retryLater(n.id(), now.plus(delay), error));
        LOG.info("notice {} to be sent again in {} ms: {}", n.id(), delay.toMillis(), error);
    }
}
