package vn.dossierpost.service.notify;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dossierpost.api.NotificationView;
import vn.dossierpost.db.DossierDAO;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.db.NotificationDAO;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.Refused;
import vn.dossierpost.service.RetryPolicy;
import vn.dossierpost.service.dossier.DossierService;

/**
 * Sending the applicant's messages, for routes/notifications.yaml: lease the due rows, renew the lease
 * just before each is sent, then mark it sent, or try again later with the {@link RetryPolicy}, or give
 * it up (kept as failed with the error for staff) past the retry age or when the gateway refused it
 * for good. Only the notification row changes here, never the dossier.
 * <p>
 * A crash between the send and its record means the message goes again after the lease: an applicant
 * may rarely get a message twice, never miss one.
 */
public final class NotificationDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationDelivery.class);

    /** A leased message, as the route sends it: by e-mail or through the SMS gateway, depending on its channel. */
    public record Message(
            long id,
            Long dossierId,
            String kind,
            String channel,
            String recipient,
            String subject,
            String body,
            int attempts,
            OffsetDateTime createdAt) {}

    private final Jdbi jdbi;
    private final Clock clock;
    private final RetryPolicy retry;
    private final Duration lease;
    private final Meter sent;
    private final Meter retried;
    private final Meter failed;

    public NotificationDelivery(Jdbi jdbi, Clock clock, RetryPolicy retry, Duration lease, MetricRegistry metrics) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.retry = retry;
        this.lease = lease;
        this.sent = metrics.meter("notifications.sent");
        this.retried = metrics.meter("notifications.retried");
        this.failed = metrics.meter("notifications.failed");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /**
     * Leases up to {@code limit} due messages. One that has waited past the retry age (sending was
     * switched off for a while, say) is given up instead of sent: news days late misleads more than it helps.
     */
    public List<Message> claim(int limit) {
        OffsetDateTime now = now();
        List<Message> claimed =
                jdbi.withExtension(NotificationDAO.class, dao -> dao.claim(now, now.plus(lease), limit)).stream()
                        .map(NotificationDelivery::message)
                        .toList();
        List<Message> due = new ArrayList<>(claimed.size());
        for (Message c : claimed) {
            if (retry.givenUp(Duration.between(c.createdAt(), now))) {
                giveUp(c, "not sent within " + retry.maxAge() + " of the event; too late to send");
            } else {
                due.add(c);
            }
        }
        return due;
    }

    /** Renews the lease just before sending; false when another sender has taken the message meanwhile. */
    public boolean holdLease(Message c) {
        return jdbi.withExtension(NotificationDAO.class, dao -> dao.renew(c.id(), c.attempts(), now().plus(lease)))
                == 1;
    }

    public void sent(Message c) {
        if (settled(
                c, "sent", jdbi.withExtension(NotificationDAO.class, dao -> dao.sent(c.id(), c.attempts(), now())))) {
            sent.mark();
        }
    }

    /**
     * Whether this sender's record of the message counted: none did when its lease ran out and another
     * sender claimed the message since (that sender's record is the one that stands).
     */
    private static boolean settled(Message c, String outcome, int rows) {
        if (rows == 0) {
            LOG.warn(
                    "{} message {} of dossier {}: not recorded as {}, attempt {} no longer holds it "
                            + "(its lease ran out and another sender claimed it)",
                    c.channel(),
                    c.id(),
                    c.dossierId(),
                    outcome,
                    c.attempts());
        }
        return rows == 1;
    }

    /** A send that failed: again after the backoff, or given up for good. */
    public void failed(Message c, Exception cause) {
        String error = describe(cause);
        OffsetDateTime now = now();
        if (refused(cause) || retry.givenUp(Duration.between(c.createdAt(), now))) {
            giveUp(c, error);
            return;
        }
        Duration delay =
                retry.delayAfter(c.attempts(), () -> ThreadLocalRandom.current().nextDouble());
        int rows = jdbi.withExtension(
                NotificationDAO.class, dao -> dao.retryLater(c.id(), c.attempts(), now.plus(delay), error));
        if (!settled(c, "to send again", rows)) {
            return;
        }
        retried.mark();
        LOG.info(
                "{} message {} of dossier {} to be sent again in {} ms: {}",
                c.channel(),
                c.id(),
                c.dossierId(),
                delay.toMillis(),
                error);
    }

    private void giveUp(Message c, String error) {
        int rows = jdbi.withExtension(NotificationDAO.class, dao -> dao.givenUp(c.id(), c.attempts(), now(), error));
        if (!settled(c, "given up", rows)) {
            return;
        }
        failed.mark();
        LOG.warn(
                "{} message {} of dossier {} given up after {} attempts: {}",
                c.channel(),
                c.id(),
                c.dossierId(),
                c.attempts(),
                error);
    }

    /** A dossier's messages, oldest first, for the staff who may read the dossier. */
    public List<NotificationView> list(User user, String code) {
        return jdbi.withHandle(h -> {
            DossierRow row = h.attach(DossierDAO.class)
                    .findByCode(code)
                    .orElseThrow(() -> Problem.notFound("no dossier with code " + code));
            DossierService.checkCanRead(user, row);
            return h.attach(NotificationDAO.class).ofDossier(row.id()).stream()
                    .map(NotificationDelivery::view)
                    .toList();
        });
    }

    private static Message message(NotificationDAO.Claimed c) {
        return new Message(
                c.id(),
                c.dossierId(),
                c.kind(),
                c.channel(),
                c.recipient(),
                c.subject(),
                c.body(),
                c.attempts(),
                c.createdAt());
    }

    /** The row as staff see it: its state, and while it is pending when it is tried next. */
    private static NotificationView view(NotificationDAO.Row r) {
        String state = r.sentAt() != null ? "SENT" : r.failedAt() != null ? "FAILED" : "PENDING";
        return new NotificationView(
                r.id(),
                r.kind(),
                r.channel(),
                r.recipient(),
                r.subject(),
                r.body(),
                state,
                r.createdAt(),
                r.sentAt(),
                r.failedAt(),
                "PENDING".equals(state) ? r.availableAt() : null,
                r.attempts(),
                r.lastError());
    }

    private static boolean refused(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Refused) {
                return true;
            }
        }
        return false;
    }

    /** The error and its innermost cause: "MessagingException: ..." alone rarely says what the server answered. */
    private static String describe(Throwable cause) {
        String error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != cause && root.getMessage() != null && !error.contains(root.getMessage())) {
            error += " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return error.length() > 2000 ? error.substring(0, 2000) : error;
    }
}
