package vn.dossierpost.health;

import java.time.Duration;
import vn.dossierpost.service.handover.HandoverBacklog;

/**
 * Dossiers waiting to leave for their agencies: how many, and how long the oldest has waited. Past
 * the alert age something is wrong (an agency down for hours, a channel never configured) and a
 * person must look; dead letters are counted too. Notices to agencies about their results (delivered,
 * returned) are outbox work as well and count the same way.
 */
public final class HandoverBacklogHealthCheck extends GuardedHealthCheck {
    private final HandoverBacklog backlog;
    private final Duration alertAge;

    public HandoverBacklogHealthCheck(HandoverBacklog backlog, Duration alertAge) {
        this.backlog = backlog;
        this.alertAge = alertAge;
    }

    @Override
    protected Result checkOrThrow() {
        HandoverBacklog.Counts counts = backlog.counts();
        Duration oldest = counts.oldestWaiting();
        ResultBuilder result = Result.builder()
                .withDetail("dossiersWaitingForHandover", counts.dossiersWaitingForHandover())
                .withDetail("handoversBeingSent", counts.handoversBeingSent())
                .withDetail("agencyNoticesWaiting", counts.agencyNoticesWaiting())
                .withDetail("oldestWaitingSeconds", oldest.toSeconds())
                .withDetail("deadLetters", counts.deadLetters())
                .withDetail("agencyNoticesGivenUp", counts.agencyNoticesGivenUp());
        if (oldest.compareTo(alertAge) > 0) {
            return result.unhealthy()
                    .withMessage("work has waited " + oldest.toMinutes() + " min to leave (alert at "
                            + alertAge.toMinutes() + " min)")
                    .build();
        }
        return result.healthy().build();
    }
}
