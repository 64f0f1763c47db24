package vn.dossierpost.service.dossier;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import vn.dossierpost.db.DossierDAO;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.db.EventDAO;
import vn.dossierpost.domain.Actor;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.DossierTransitions;
import vn.dossierpost.domain.TimelineEvent;

/**
 * The one path by which a dossier changes status and its timeline grows, always inside the caller's
 * transaction (which holds the dossier's row lock): the transition checked against the table, the
 * status written, the event appended. One clock stamps the events (to the second, in the service's
 * zone, as people read them) and {@code dossier.updated_at}; the few fields an agency sees change
 * (filing time, appointment, result reference) are written here for the same reason. The agencies'
 * sync pages by {@code updated_at}, so it keeps the clock's microseconds: two changes of one dossier
 * within a second must not share it, or the second would never be synced.
 */
public final class StatusChanges {
    private final Clock clock;

    public StatusChanges(Clock clock) {
        this.clock = clock;
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).withNano(0);
    }

    private OffsetDateTime changedAt() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    /** Moves one locked dossier to {@code to}; 409 through {@link DossierTransitions#check} when the table forbids it. */
    public void move(Handle h, Actor by, DossierRow locked, DossierStatus to, String note, String payload) {
        moveAll(h, by, List.of(new Change(locked, note, payload)), to);
    }

    /** One dossier's part in {@link #moveAll}: its locked row and what its event says. */
    public record Change(DossierRow lockedRow, String note, String payload) {}

    /**
     * The same transition for several locked dossiers (a handover, an agency's receipts): every one
     * is checked first, then all are updated and their events appended in two batched statements.
     */
    public void moveAll(Handle h, Actor by, List<Change> changes, DossierStatus to) {
        if (changes.isEmpty()) {
            return;
        }
        OffsetDateTime now = now();
        List<EventDAO.NewEvent> events = new ArrayList<>(changes.size());
        for (Change c : changes) {
            DossierStatus from = c.lockedRow().status();
            DossierTransitions.check(from, to);
            events.add(new EventDAO.NewEvent(
                    c.lockedRow().id(),
                    to.name(),
                    from,
                    to,
                    now,
                    by.name(),
                    by.officeCode(),
                    by.agencyCode(),
                    c.note(),
                    c.payload()));
        }
        h.attach(DossierDAO.class)
                .updateStatuses(changes.stream().map(c -> c.lockedRow().id()).toList(), to, changedAt());
        h.attach(EventDAO.class).appendAll(events);
    }

    /** A timeline entry that changes no status. */
    public void record(Handle h, Actor by, long dossierId, TimelineEvent type, String note, String payload) {
        h.attach(EventDAO.class)
                .append(new EventDAO.NewEvent(
                        dossierId,
                        type.name(),
                        null,
                        null,
                        now(),
                        by.name(),
                        by.officeCode(),
                        by.agencyCode(),
                        note,
                        payload));
    }

    /** The agency's filing time, the first time it is known (an acknowledgement or its RECEIVED event). */
    public void filedIfNot(Handle h, long dossierId, OffsetDateTime filedAt) {
        h.attach(DossierDAO.class).filedIfNot(dossierId, filedAt, changedAt());
    }

    /** The contact details corrected before handover (the timeline entry is the caller's, in the same transaction). */
    public void corrected(Handle h, long dossierId, DossierDAO.Contacts contacts) {
        h.attach(DossierDAO.class).correct(dossierId, contacts, changedAt());
    }

    /** The agency's one new appointment date (form 04), and the return date that follows it. */
    public void rescheduled(Handle h, long dossierId, LocalDate resultDue, LocalDate returnDue) {
        h.attach(DossierDAO.class).resultDue(dossierId, resultDue, returnDue, changedAt());
    }

    /** What the post collects: the agency's reference of the result. */
    public void resultReference(Handle h, long dossierId, String reference) {
        h.attach(DossierDAO.class).resultReference(dossierId, reference, changedAt());
    }
}
