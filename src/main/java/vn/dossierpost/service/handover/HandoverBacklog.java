package vn.dossierpost.service.handover;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.db.OutboxDAO;

/**
 * What waits to leave for the agencies, counted for the health check and the backlog gauges: dossiers
 * waiting for a handover, handovers being sent, notices to agencies about their results, how long the
 * oldest of them has waited, and what was given up (dead letters, notices).
 */
public final class HandoverBacklog {

    /** The whole backlog; {@code oldestWaiting} is the age of the oldest pending row of any of the three kinds. */
    public record Counts(
            long dossiersWaitingForHandover,
            long handoversBeingSent,
            long agencyNoticesWaiting,
            Duration oldestWaiting,
            long deadLetters,
            long agencyNoticesGivenUp) {}

    /** File-drop and SFTP handovers sent but not acknowledged within the timeout; {@code oldestNo} null when none. */
    public record Overdue(long handovers, String oldestNo) {}

    /** Dossiers waiting to be put in a handover, and how long the oldest has waited. */
    public record Waiting(long dossiers, Duration oldest) {}

    private final Jdbi jdbi;
    private final Clock clock;

    public HandoverBacklog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Counts counts() {
        return jdbi.withHandle(h -> {
            OutboxDAO outbox = h.attach(OutboxDAO.class);
            OutboxDAO.Backlog queued = outbox.backlog(OutboxDAO.HANDOVER);
            OutboxDAO.Backlog sending = outbox.backlog(OutboxDAO.HANDOVER_SEND);
            OutboxDAO.Backlog notices = outbox.backlog(OutboxDAO.AGENCY_NOTICE);
            long deadLetters = h.createQuery("SELECT count(*) FROM handover WHERE state = 'FAILED'")
                    .mapTo(Long.class)
                    .one();
            long noticesGivenUp = h.createQuery(
                            "SELECT count(*) FROM outbox WHERE kind = 'AGENCY_NOTICE' AND done_at IS NOT NULL "
                                    + "AND last_error IS NOT NULL")
                    .mapTo(Long.class)
                    .one();
            Duration oldest = Stream.of(queued, sending, notices)
                    .map(b -> age(b.oldest()))
                    .max(Duration::compareTo)
                    .orElseThrow();
            return new Counts(
                    queued.pending(), sending.pending(), notices.pending(), oldest, deadLetters, noticesGivenUp);
        });
    }

    /** Handovers left in a folder (file drop, SFTP) and still not acknowledged by their deadline. */
    public Overdue overdueAcknowledgements(AcknowledgementDeadline deadline) {
        OffsetDateTime sentBefore = deadline.sentBefore();
        return jdbi.withHandle(
                h -> h.createQuery("SELECT count(*) AS n, (array_agg(no ORDER BY sent_at, id))[1] AS oldest "
                                + "FROM handover WHERE state = 'SENT' AND channel IN ('FILE_DROP', 'SFTP') "
                                + "AND sent_at < :before")
                        .bind("before", sentBefore)
                        .map((rs, ctx) -> new Overdue(rs.getLong("n"), rs.getString("oldest")))
                        .one());
    }

    /** An agency whose sending fails: the oldest handover still being sent to it, and why its last attempt failed. */
    public record FailingSend(String agencyCode, String agencyName, String handoverNo, String error) {
        /** "BG…: error", as the agency's admin view shows it */
        public String describe() {
            return handoverNo + ": " + error;
        }
    }

    /**
     * Agencies whose sending fails, by agency code: each one's oldest handover still being sent whose
     * last attempt failed. A wrong setting (a remote folder that does not exist, a refused login)
     * shows here at the first attempt, long before the backlog's alert age.
     */
    public Map<String, FailingSend> failingSends() {
        Map<String, FailingSend> failing = new TreeMap<>();
        jdbi.useHandle(
                h -> h.createQuery("SELECT DISTINCT ON (h.agency_code) h.agency_code, a.name, h.no, h.last_error "
                                + "FROM handover h JOIN agency a ON a.code = h.agency_code "
                                + "WHERE h.state = 'SENDING' AND h.last_error IS NOT NULL ORDER BY h.agency_code, h.id")
                        .map((rs, ctx) -> new FailingSend(
                                rs.getString("agency_code"),
                                rs.getString("name"),
                                rs.getString("no"),
                                rs.getString("last_error")))
                        .forEach(f -> failing.put(f.agencyCode(), f)));
        return failing;
    }

    public Waiting dossiersWaiting() {
        OutboxDAO.Backlog queued = jdbi.withExtension(OutboxDAO.class, dao -> dao.backlog(OutboxDAO.HANDOVER));
        return new Waiting(queued.pending(), age(queued.oldest()));
    }

    private Duration age(OffsetDateTime since) {
        return since == null ? Duration.ZERO : Duration.between(since, OffsetDateTime.now(clock));
    }
}
