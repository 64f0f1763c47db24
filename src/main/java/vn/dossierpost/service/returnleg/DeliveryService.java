package vn.dossierpost.service.returnleg;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.DeliveryView;
import vn.dossierpost.db.DeliveryDAO;
import vn.dossierpost.db.DeliveryDAO.Delivery;
import vn.dossierpost.db.DossierDAO;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.db.UserDAO;
import vn.dossierpost.domain.DeliveryMethod;
import vn.dossierpost.domain.DeliveryRules;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.TimelineEvent;
import vn.dossierpost.domain.User;
import vn.dossierpost.pdf.SlipText;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.Text;
import vn.dossierpost.service.catalogue.ReferenceDataCache;
import vn.dossierpost.service.dossier.DossierService;
import vn.dossierpost.service.notify.NotificationKind;
import vn.dossierpost.service.notify.Notifications;

/**
 * The return leg at the delivering office (QĐ 45/2016 Art. 10): arrival there, couriers, holding,
 * the return to the agency and what staff read of the attempts ({@link DeliveryAttempts} records them). Each use case is one
 * transaction holding the dossier's row lock, so two devices updating one item are served one after
 * the other: the first wins, the second meets the new status (409).
 */
public final class DeliveryService {

    private final Jdbi jdbi;
    private final DossierService dossiers;
    private final ReferenceDataCache referenceData;
    private final Notifications notifications;
    private final AgencyNotices agencyNotices;
    private final DeliveryQueries queries;
    private final Clock clock;
    private final ZoneId zone;
    private final int daysBetweenAttempts;
    private final int attempts;
    private final int holdDays;

    public DeliveryService(
            Jdbi jdbi,
            DossierService dossiers,
            ReferenceDataCache referenceData,
            Notifications notifications,
            AgencyNotices agencyNotices,
            DeliveryQueries queries,
            Clock clock,
            ZoneId zone,
            int daysBetweenAttempts,
            int attempts,
            int holdDays) {
        this.jdbi = jdbi;
        this.dossiers = dossiers;
        this.referenceData = referenceData;
        this.notifications = notifications;
        this.agencyNotices = agencyNotices;
        this.queries = queries;
        this.clock = clock;
        this.zone = zone;
        this.daysBetweenAttempts = daysBetweenAttempts;
        this.attempts = attempts;
        this.holdDays = holdDays;
    }

    /** The rules with today's working calendar (an administrator may have edited it). */
    DeliveryRules rules() {
        return new DeliveryRules(referenceData.get().calendar(), daysBetweenAttempts, attempts, holdDays);
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(zone)).withNano(0);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The item and its dossier, locked for the caller's transaction. */
    record Locked(DossierRow dossier, Delivery delivery) {}

    Locked lock(Handle h, String s10) {
        long id = dossierOf(h, s10);
        DossierRow d = h.attach(DossierDAO.class).lockById(id).orElseThrow();
        return new Locked(d, h.attach(DeliveryDAO.class).find(id).orElseThrow());
    }

    /** The dossier whose return item has this S10 number (404 if none). */
    static long dossierOf(Handle h, String s10) {
        return h.attach(DeliveryDAO.class)
                .dossierOf(s10 == null ? "" : s10.trim().toUpperCase())
                .orElseThrow(() -> Problem.notFound("no return item with S10 number " + s10));
    }

    /** Staff of the delivering office (or a supervisor) only. */
    static void checkOffice(User user, Delivery delivery) {
        boolean allowed = user.role() == Role.ADMIN
                || (user.role() == Role.SUPERVISOR
                        && (user.officeScope() == null || delivery.officeCode().equals(user.officeScope())))
                || (user.role() == Role.COUNTER && delivery.officeCode().equals(user.officeCode()));
        if (!allowed) {
            throw Problem.forbidden(
                    "item " + delivery.s10Number() + " is handled by post office " + delivery.officeCode());
        }
    }

    /**
     * The item reached its delivering office (UPU EMG): to be held there for collection when the
     * applicant chose so (and invited), otherwise given to the courier covering its commune.
     */
    public DeliveryView arrive(User clerk, String s10) {
        return jdbi.inTransaction(h -> {
            Locked l = lock(h, s10);
            checkOffice(clerk, l.delivery());
            arrive(h, clerk, l.dossier(), l.delivery());
            return queries.view(h, l.dossier().id());
        });
    }

    void arrive(Handle h, User clerk, DossierRow d, Delivery delivery) {
        if (d.status() != DossierStatus.RESULT_COLLECTED
                || h.attach(DeliveryDAO.class).arrived(d.id(), now()) == 0) {
            throw Problem.conflict(
                    "item " + delivery.s10Number() + " has arrived already; it is " + d.status(),
                    Map.of("currentStatus", d.status()));
        }
        String officeName = referenceData
                .get()
                .office(delivery.officeCode())
                .map(o -> o.name())
                .orElse(delivery.officeCode());
        dossiers.changes()
                .record(
                        h,
                        clerk.actor(),
                        d.id(),
                        TimelineEvent.ARRIVED_AT_DELIVERY_OFFICE,
                        "arrived at " + officeName,
                        null);
        if (delivery.method() == DeliveryMethod.PICKUP_AT_OFFICE) {
            hold(h, clerk, d, delivery, "the applicant collects it at the office");
            return;
        }
        h.attach(DeliveryDAO.class)
                .courierByCommune(d.id())
                .ifPresent(courier -> assign(h, clerk, d, courier, "by commune"));
    }

    /** Gives the item to a courier of its office by hand. */
    public DeliveryView assign(User user, String s10, String courier) {
        return jdbi.inTransaction(h -> {
            Locked l = lock(h, s10);
            checkOffice(user, l.delivery());
            // an item out for delivery is in its courier's hands: it changes hands only once back
            if (l.delivery().finishedAt() != null
                    || l.dossier().status() == DossierStatus.HELD_AT_OFFICE
                    || l.dossier().status() == DossierStatus.OUT_FOR_DELIVERY) {
                throw Problem.conflict(
                        "item " + l.delivery().s10Number() + " is "
                                + l.dossier().status() + ": no courier takes it now",
                        Map.of("currentStatus", l.dossier().status()));
            }
            User c = h.attach(UserDAO.class)
                    .findActive(courier.trim())
                    .map(UserDAO.StoredUser::toUser)
                    .orElse(null);
            if (c == null
                    || c.role() != Role.COURIER
                    || !l.delivery().officeCode().equals(c.officeCode())) {
                throw Problem.invalid(
                        "courier",
                        "'" + courier + "' is not a courier of post office "
                                + l.delivery().officeCode());
            }
            assign(h, user, l.dossier(), c.username(), "by hand");
            return queries.view(h, l.dossier().id());
        });
    }

    private void assign(Handle h, User by, DossierRow d, String courier, String how) {
        h.attach(DeliveryDAO.class).assign(d.id(), courier, now());
        dossiers.changes()
                .record(
                        h,
                        by.actor(),
                        d.id(),
                        TimelineEvent.ASSIGNED_TO_COURIER,
                        "to courier " + courier + " (" + how + ")",
                        null);
    }

    /**
     * The applicant is told the courier is out with the result today, or that an attempt failed and
     * from when the next one is made (with the reason in words), in the same transaction as the update.
     */
    void tellApplicant(Handle h, DossierRow d, Delivery delivery, NotificationKind kind, Map<String, Object> more) {
        Map<String, Object> facts = new LinkedHashMap<>(more);
        facts.put("returnS10Number", delivery.s10Number());
        referenceData.get().office(delivery.officeCode()).ifPresent(o -> facts.put("officeName", o.name()));
        if (delivery.amountDue() > 0) {
            facts.put("amountDue", SlipText.vnd(delivery.amountDue()));
        }
        notifications.enqueue(h, d, kind, facts);
    }

    /** The result is in the applicant's hands: they are told, and asked once to rate the service. */
    void resultDelivered(Handle h, DossierRow d, Delivery delivery) {
        Map<String, Object> facts = new LinkedHashMap<>();
        String link = notifications.ratingLink(h, d);
        if (link != null) {
            facts.put("ratingUrl", link);
        }
        tellApplicant(h, d, delivery, NotificationKind.DELIVERED, facts);
    }

    /** Held at the office for the configured working days; the applicant is invited to collect it. */
    LocalDate hold(Handle h, User user, DossierRow d, Delivery delivery, String why) {
        LocalDate until = rules().heldUntil(today());
        dossiers.changes().move(h, user.actor(), d, DossierStatus.HELD_AT_OFFICE, why + "; held until " + until, null);
        h.attach(DeliveryDAO.class).held(d.id(), until);
        var office = referenceData.get().office(delivery.officeCode());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("returnS10Number", delivery.s10Number());
        facts.put("heldUntil", until);
        office.ifPresent(o -> {
            facts.put("officeName", o.name());
            facts.put("officeAddress", o.address());
        });
        if (delivery.amountDue() > 0) {
            facts.put("amountDue", SlipText.vnd(delivery.amountDue()));
        }
        notifications.enqueue(h, d, NotificationKind.HELD_AT_OFFICE, facts);
        return until;
    }

    void returned(Handle h, User user, DossierRow d, Delivery delivery, String why) {
        dossiers.changes().move(h, user.actor(), d, DossierStatus.RETURNED_TO_AGENCY, why, null);
        h.attach(DeliveryDAO.class).finished(d.id(), now());
        agencyNotices.enqueue(h, d, delivery.s10Number(), AgencyNotices.Type.RESULT_RETURNED, Map.of("reason", why));
    }

    /** Whether an item held until {@code heldUntil} may go back to its agency today (the counter's button). */
    public boolean mayReturnToday(LocalDate heldUntil) {
        return heldUntil != null && rules().mayReturnHeld(today(), heldUntil);
    }

    /** A held item nobody collected goes back to the agency, once its holding time is over. */
    public DeliveryView returnToAgency(User clerk, String s10, String note) {
        return jdbi.inTransaction(h -> {
            Locked l = lock(h, s10);
            checkOffice(clerk, l.delivery());
            if (l.dossier().status() != DossierStatus.HELD_AT_OFFICE) {
                throw Problem.conflict(
                        "only an item held at the office goes back from the counter; it is "
                                + l.dossier().status(),
                        Map.of("currentStatus", l.dossier().status()));
            }
            if (!rules().mayReturnHeld(today(), l.delivery().heldUntil())) {
                throw Problem.conflict(
                        "the applicant may collect it until " + l.delivery().heldUntil() + "; it goes back after that",
                        Map.of(
                                "currentStatus",
                                l.dossier().status(),
                                "heldUntil",
                                l.delivery().heldUntil().toString()));
            }
            returned(
                    h,
                    clerk,
                    l.dossier(),
                    l.delivery(),
                    "not collected by " + l.delivery().heldUntil() + (Text.blank(note) ? "" : ": " + note.strip()));
            return queries.view(h, l.dossier().id());
        });
    }
}
