package vn.dossierpost.service.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.IncidentRequest;
import vn.dossierpost.api.IncidentView;
import vn.dossierpost.db.ComplaintDAO;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.db.IncidentDAO;
import vn.dossierpost.db.IncidentDAO.IncidentRow;
import vn.dossierpost.domain.Compensation;
import vn.dossierpost.domain.FeeCalculator;
import vn.dossierpost.domain.TimelineEvent;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.dossier.DossierService;
import vn.dossierpost.service.dossier.StatusChanges;

/**
 * Items the post lost or damaged: the dossier on its way to the agency or the result on its way back.
 * Recording one computes what is owed ({@link Compensation}: at least 4 × that leg's postage plus the
 * re-issue costs declared) and the day it must be paid by, links the complaint it answers, and puts
 * the loss on the dossier's timeline, where public tracking shows it in plain words. A supervisor
 * notes the investigation and marks the compensation paid.
 */
public final class Incidents {
    private static final List<String> LEGS = List.of("OUTBOUND", "RETURN");
    private static final List<String> KINDS = List.of("LOST", "DAMAGED");
    /** A billion đồng: far above any re-issue of papers, and far from overflowing the arithmetic. */
    static final long MAX_VND = 1_000_000_000L;

    private final Jdbi jdbi;
    private final DossierService dossiers;
    private final StatusChanges changes;
    private final Clock clock;

    public Incidents(Jdbi jdbi, DossierService dossiers, StatusChanges changes, Clock clock) {
        this.jdbi = jdbi;
        this.dossiers = dossiers;
        this.changes = changes;
        this.clock = clock;
    }

    public IncidentView record(User user, IncidentRequest request) {
        if (request == null) {
            throw Problem.invalid("dossier", "is required, with leg, kind, foundBy, foundWhere and description");
        }
        String leg = RegisterInput.oneOf("leg", request.leg(), LEGS);
        String kind = RegisterInput.oneOf("kind", request.kind(), KINDS);
        String foundBy = RegisterInput.text("foundBy", request.foundBy(), 200);
        String foundWhere = RegisterInput.text("foundWhere", request.foundWhere(), 300);
        String description = RegisterInput.text("description", request.description(), RegisterInput.MAX_TEXT);
        LocalDate foundOn = RegisterInput.dayUpToToday("foundOn", request.foundOn(), today());
        long reissue = request.reissueCosts() == null ? 0 : request.reissueCosts();
        if (reissue < 0 || reissue > MAX_VND) {
            throw Problem.invalid("reissueCosts", "must be 0 to " + MAX_VND + " VND");
        }
        if (request.compensation() != null && request.compensation() > MAX_VND) {
            throw Problem.invalid("compensation", "must be at most " + MAX_VND + " VND");
        }
        long id = jdbi.inTransaction(h -> {
            DossierRow dossier = DossierReference.find(h, user, "dossier", request.dossier());
            RegisterInput.notBeforeReceipt("foundOn", foundOn, dossier, clock.getZone());
            long postage = legPostage(dossier, leg);
            long minimum = Compensation.minimum(postage, reissue);
            long owed = request.compensation() == null ? minimum : request.compensation();
            if (owed < minimum) {
                throw Problem.invalid(
                        "compensation",
                        "must be at least " + minimum + " VND (4 × the leg's postage + re-issue costs)");
            }
            Long complaint = complaint(h, request.complaint(), dossier);
            long created = h.attach(IncidentDAO.class)
                    .insert(new IncidentDAO.NewIncident(
                            dossier.id(),
                            leg,
                            kind,
                            foundBy,
                            foundWhere,
                            foundOn,
                            dossier.officeCode(),
                            description,
                            postage,
                            reissue,
                            owed,
                            Compensation.payBy(foundOn),
                            complaint,
                            user.username(),
                            OffsetDateTime.now(clock)))
                    .orElseThrow(() -> Problem.conflict(
                            "the " + leg + " item of dossier " + dossier.code() + " already has an incident",
                            Map.of("leg", leg)));
            TimelineEvent event = kind.equals("LOST") ? TimelineEvent.ITEM_LOST : TimelineEvent.ITEM_DAMAGED;
            changes.record(h, user.actor(), dossier.id(), event, number(created), null);
            return created;
        });
        return view(user, number(id));
    }

    public IncidentView view(User user, String number) {
        return jdbi.withHandle(h -> toView(readable(h, user, number, false)));
    }

    public List<IncidentView> list(User user, boolean overdue) {
        return jdbi.withHandle(h -> h.attach(IncidentDAO.class).list(user.officeScope(), overdue, today()).stream()
                .map(this::toView)
                .toList());
    }

    public IncidentView investigation(User user, String number, String text) {
        RegisterInput.requireSupervisor(user, "follows the investigation and pays the compensation");
        String note = RegisterInput.text("text", text, RegisterInput.MAX_TEXT);
        jdbi.useTransaction(h -> h.attach(IncidentDAO.class)
                .investigation(readable(h, user, number, true).id(), note));
        return view(user, number);
    }

    /** The compensation handed over (once). */
    public IncidentView paid(User user, String number) {
        RegisterInput.requireSupervisor(user, "follows the investigation and pays the compensation");
        jdbi.useTransaction(h -> {
            IncidentRow row = readable(h, user, number, true);
            if (h.attach(IncidentDAO.class).paid(row.id(), OffsetDateTime.now(clock), user.username()) == 0) {
                throw Problem.conflict(
                        "the compensation of " + number + " was paid already by " + row.paidBy(), Map.of());
            }
        });
        return view(user, number);
    }

    /** The postage the applicant paid for the leg the item was on: the base of the compensation. */
    private long legPostage(DossierRow dossier, String leg) {
        String item = leg.equals("OUTBOUND") ? FeeCalculator.POSTAGE_OUTBOUND : FeeCalculator.POSTAGE_RETURN;
        return dossiers.fees(dossier).items().stream()
                .filter(i -> i.code().equals(item))
                .mapToLong(i -> i.amount())
                .findFirst()
                .orElseThrow(() -> Problem.invalid(
                        "leg", "dossier " + dossier.code() + " has no " + leg + " leg: the post does not carry it"));
    }

    private static Long complaint(Handle h, String number, DossierRow dossier) {
        if (number == null || number.isBlank()) {
            return null;
        }
        OptionalLong id = RegisterInput.id("KN", number);
        return (id.isPresent()
                        ? h.attach(ComplaintDAO.class).find(id.getAsLong())
                        : Optional.<ComplaintDAO.ComplaintRow>empty())
                .filter(c -> c.dossierId() == dossier.id())
                .map(ComplaintDAO.ComplaintRow::id)
                .orElseThrow(() -> Problem.invalid(
                        "complaint", "is not a complaint about dossier " + dossier.code() + ": " + number));
    }

    private IncidentRow readable(Handle h, User user, String number, boolean lock) {
        long id = RegisterInput.id("SC", number)
                .orElseThrow(() -> Problem.notFound("no incident " + number + " (numbers look like SC-000001)"));
        IncidentDAO dao = h.attach(IncidentDAO.class);
        IncidentRow row =
                (lock ? dao.lock(id) : dao.find(id)).orElseThrow(() -> Problem.notFound("no incident " + number));
        String scope = user.officeScope();
        if (scope != null && !scope.equals(row.officeCode())) {
            throw Problem.forbidden("incident " + number + " was recorded at office " + row.officeCode());
        }
        return row;
    }

    private IncidentView toView(IncidentRow i) {
        return new IncidentView(
                number(i.id()),
                i.dossierCode(),
                i.leg(),
                i.kind(),
                i.foundBy(),
                i.foundWhere(),
                i.foundOn(),
                i.officeCode(),
                i.description(),
                i.investigation(),
                i.postage(),
                i.reissueCosts(),
                Compensation.minimum(i.postage(), i.reissueCosts()),
                i.compensation(),
                i.payBy(),
                i.paidAt() == null && i.payBy().isBefore(today()),
                i.paidAt(),
                i.paidBy(),
                i.complaintId() == null ? null : Complaints.number(i.complaintId()));
    }

    static String number(long id) {
        return String.format("SC-%06d", id);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
