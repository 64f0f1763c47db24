package vn.dossierpost.health;

import com.codahale.metrics.health.HealthCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.db.OutboxDAO;

/**
 * Dossiers waiting to leave for their agencies: how many, and how long the oldest has waited. Past
 * the alert age something is wrong (an agency down for hours, a channel never configured) and a
 * person must look; dead letters are counted too. Notices to agencies about their results (delivered,
 * returned) are outbox work as well and count the same way.
 */
public final class HandoverBacklogHealthCheck extends HealthCheck {
    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration alertAge;

    public HandoverBacklogHealthCheck(Jdbi jdbi, Clock clock, Duration alertAge) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.alertAge = alertAge;
    }

    @Override
    protected Result check() {
        return jdbi.withHandle(h -> {
            OutboxDAO outbox = h.attach(OutboxDAO.class);
            OutboxDAO.Backlog queued = outbox.backlog(OutboxDAO.HANDOVER);
            OutboxDAO.Backlog sending = outbox.backlog(OutboxDAO.HANDOVER_SEND);
            OutboxDAO.Backlog notices = outbox.backlog(OutboxDAO.AGENCY_NOTICE);
            long deadLetters = h.createQuery("SELECT count(*) FROM handover WHERE state = 'FAILED'").mapTo(Long.class).one();
            long noticesGivenUp = h.createQuery("SELECT count(*) FROM outbox WHERE kind = 'AGENCY_NOTICE' AND done_at IS NOT NULL "
                    + "AND last_error IS NOT NULL").mapTo(Long.class).one();
            Duration oldest = Stream.of(queued, sending, notices).map(b -> age(b.oldest())).max(Duration::compareTo).orElseThrow();
            ResultBuilder result = Result.builder()
                    .withDetail("dossiersWaitingForHandover", queued.pending())
                    .withDetail("handoversBeingSent", sending.pending())
                    .withDetail("agencyNoticesWaiting", notices.pending())
                    .withDetail("oldestWaitingSeconds", oldest.toSeconds())
                    .withDetail("deadLetters", deadLetters)
                    .withDetail("agencyNoticesGivenUp", noticesGivenUp);
            if (oldest.compareTo(alertAge) > 0) {
                return result.unhealthy().withMessage("work has waited " + oldest.toMinutes() + " min to leave (alert at "
                        + alertAge.toMinutes() + " min)").build();
            }
            return result.healthy().build();
        });
    }

    private Duration age(OffsetDateTime since) {
        return since == null ? Duration.ZERO : Duration.between(since, OffsetDateTime.now(clock));
    }
}
