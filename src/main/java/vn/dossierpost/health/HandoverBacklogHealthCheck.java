package vn.dossierpost.health;

import java.time.Duration;
import vn.dossierpost.service.handover.AcknowledgementDeadline;
import vn.dossierpost.service.handover.HandoverBacklog;

/**
 * Dossiers waiting to leave for their agencies: how many, and how long the oldest has waited. Past
 * the alert age something is wrong (an agency down for hours, a channel never configured) and a
 * person must look; dead letters are counted too. Notices to agencies about their results (delivered,
 * returned) are outbox work as well and count the same way. A handover left by file drop or SFTP
 * whose acknowledgement has not come within the acknowledgement timeout (in working hours) fails the check too: nothing
 * else would notice that the agency never picked it up.
 */
public final class HandoverBacklogHealthCheck extends GuardedHealthCheck {
    private final HandoverBacklog backlog;
    private final Duration alertAge;
    private final AcknowledgementDeadline ackDeadline;

    public HandoverBacklogHealthCheck(HandoverBacklog backlog, Duration alertAge, AcknowledgementDeadline ackDeadline) {
        this.backlog = backlog;
        this.alertAge = alertAge;
        this.ackDeadline = ackDeadline;
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
        HandoverBacklog.Overdue overdue = backlog.overdueAcknowledgements(ackDeadline);
        result.withDetail("handoversNotAcknowledged", overdue.handovers());
        if (overdue.oldestNo() != null) {
            result.withDetail("oldestNotAcknowledged", overdue.oldestNo());
        }
        if (oldest.compareTo(alertAge) > 0) {
            return result.unhealthy()
                    .withMessage("work has waited " + oldest.toMinutes() + " min to leave (alert at "
                            + alertAge.toMinutes() + " min)")
                    .build();
        }
        if (overdue.handovers() > 0) {
            return result.unhealthy()
                    .withMessage(overdue.handovers() + " handover(s) not acknowledged within " + ackDeadline.describe()
                            + ", the oldest " + overdue.oldestNo())
                    .build();
        }
        return result.healthy().build();
    }
}
