package vn.dossierpost.service.handover;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import vn.dossierpost.domain.WorkingHours;
import vn.dossierpost.service.catalogue.ReferenceDataCache;

/**
 * How long an agency has to acknowledge a handover left in its folder (file drop, SFTP) before it is
 * overdue: {@code handover.ackTimeout}, counted in the agencies' working hours on the working days of
 * the calendar (four working hours from Friday 16:00 run out on Monday 10:30, not in the night), or
 * as plain elapsed time when no working hours are configured.
 */
public final class AcknowledgementDeadline {
    private final ReferenceDataCache referenceData;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration timeout;
    private final List<WorkingHours.Session> sessions;

    /** @param sessions the agencies' working hours; empty: the timeout is plain elapsed time */
    public AcknowledgementDeadline(
            ReferenceDataCache referenceData,
            Clock clock,
            ZoneId zone,
            Duration timeout,
            List<WorkingHours.Session> sessions) {
        this.referenceData = referenceData;
        this.clock = clock;
        this.zone = zone;
        this.timeout = timeout;
        // checked here, at start-up: a wrong setting must not wait for the first list or health check
        this.sessions = sessions.isEmpty() ? List.of() : WorkingHours.check(sessions);
    }

    /** A handover sent before this moment and still not acknowledged is overdue now. */
    public OffsetDateTime sentBefore() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (sessions.isEmpty()) {
            return now.minus(timeout);
        }
        WorkingHours hours = new WorkingHours(referenceData.get().calendar(), sessions);
        return hours.minus(now.atZoneSameInstant(zone).toLocalDateTime(), timeout)
                .atZone(zone)
                .toOffsetDateTime();
    }

    public Duration timeout() {
        return timeout;
    }

    /** Whether the timeout runs in working hours only (else it is plain elapsed time). */
    public boolean inWorkingHours() {
        return !sessions.isEmpty();
    }

    /** "240 working minutes", or "240 min" for plain elapsed time. */
    public String describe() {
        return timeout.toMinutes() + (sessions.isEmpty() ? " min" : " working minutes");
    }
}
