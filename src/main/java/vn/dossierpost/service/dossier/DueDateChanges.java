package vn.dossierpost.service.dossier;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import vn.dossierpost.db.DossierDAO;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.domain.AgencyEventType;
import vn.dossierpost.domain.AgencyNoticeLimits;
import vn.dossierpost.domain.DeadlineCalculator;
import vn.dossierpost.domain.DueDates;
import vn.dossierpost.domain.LateNotice;
import vn.dossierpost.domain.TransitTime;
import vn.dossierpost.service.catalogue.ReferenceData;
import vn.dossierpost.service.catalogue.ReferenceDataCache;

/**
 * The one place where a dossier's due dates move after intake, in the caller's transaction (which
 * holds the dossier's row lock), by the rules of {@link DeadlineCalculator} on today's calendar and
 * transit times: the agency's new appointment carries the return date with it, a supplement taken
 * at the counter re-bases the hand-over date, the collection of the result re-bases the return date.
 * It also judges whether an agency's notice came late ({@link AgencyNoticeLimits}).
 */
public final class DueDateChanges {
    private final ReferenceDataCache referenceData;
    private final StatusChanges changes;
    private final ZoneId zone;
    private final LocalTime cutOff;
    private final AgencyNoticeLimits limits;

    DueDateChanges(
            ReferenceDataCache referenceData,
            StatusChanges changes,
            ZoneId zone,
            LocalTime cutOff,
            AgencyNoticeLimits limits) {
        this.referenceData = referenceData;
        this.changes = changes;
        this.zone = zone;
        this.cutOff = cutOff;
        this.limits = limits;
    }

    /** The agency's one new appointment (form 04) and the return date counted from it. */
    public void delayed(Handle h, DossierRow d, LocalDate newAppointment) {
        ReferenceData ref = referenceData.get();
        DueDates moved = deadlines(ref).delayed(dueDates(d), newAppointment, transitTime(ref, d));
        changes.rescheduled(h, d.id(), moved.resultAppointment(), moved.returnBy());
    }

    /** A supplement received at the counter at {@code at}: the dossier's way to the agency counts from it. */
    public void supplementReceived(Handle h, DossierRow d, OffsetDateTime at) {
        if (!d.serviceForm().sends()) {
            return;
        }
        ReferenceData ref = referenceData.get();
        LocalDate due =
                deadlines(ref).handoverAfterSupplement(local(at), transitTime(ref, d), d.appointmentSlipByPost());
        h.attach(DossierDAO.class).handoverDue(d.id(), due);
    }

    /** The result collected at the agency at {@code at}: the way back counts from it, never before the promise. */
    public void resultCollected(Handle h, DossierRow d, OffsetDateTime at) {
        if (!d.serviceForm().returns()) {
            return;
        }
        ReferenceData ref = referenceData.get();
        LocalDate due = deadlines(ref).returnAfterCollection(local(at), transitTime(ref, d), d.returnDue());
        h.attach(DossierDAO.class).returnDue(d.id(), due);
    }

    /**
     * Whether an agency's notice sent at {@code sentAt} came late: a DELAYED against the dossier's
     * appointment before it, a SUPPLEMENT_REQUESTED against the agency's last receipt (filing time).
     */
    public Optional<LateNotice> lateNotice(Handle h, DossierRow d, AgencyEventType type, OffsetDateTime sentAt) {
        LocalDateTime receivedAt = type == AgencyEventType.SUPPLEMENT_REQUESTED
                ? h.attach(DossierDAO.class).filedAt(d.id()).map(this::local).orElse(null)
                : null;
        return limits.late(
                deadlines(referenceData.get()), type, local(sentAt).toLocalDate(), receivedAt, d.resultDue());
    }

    private DeadlineCalculator deadlines(ReferenceData ref) {
        return new DeadlineCalculator(ref.calendar(), cutOff);
    }

    private static TransitTime transitTime(ReferenceData ref, DossierRow d) {
        return ref.transitTime(d.routeClass());
    }

    private static DueDates dueDates(DossierRow d) {
        return new DueDates(d.acceptanceDay(), d.handoverDue(), d.resultDue(), d.returnDue());
    }

    private LocalDateTime local(OffsetDateTime t) {
        return t.atZoneSameInstant(zone).toLocalDateTime();
    }
}
