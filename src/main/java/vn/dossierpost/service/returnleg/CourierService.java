package vn.dossierpost.service.returnleg;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.CourierWork;
import vn.dossierpost.api.DeliveryView;
import vn.dossierpost.api.FieldProblem;
import vn.dossierpost.api.OfficeCourier;
import vn.dossierpost.api.ReconciliationView;
import vn.dossierpost.db.CourierDAO;
import vn.dossierpost.db.DeliveryDAO;
import vn.dossierpost.db.UserDAO;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.catalogue.ReferenceDataCache;

/**
 * Couriers' side of an office: the communes each one covers (new deliveries there go to them), the
 * day's work, and the end-of-day cash — what their deliveries collected against what they hand in.
 */
public final class CourierService {
    private final Jdbi jdbi;
    private final DeliveryQueries deliveries;
    private final ReferenceDataCache referenceData;
    private final Clock clock;
    private final ZoneId zone;

    public CourierService(
            Jdbi jdbi, DeliveryQueries deliveries, ReferenceDataCache referenceData, Clock clock, ZoneId zone) {
        this.jdbi = jdbi;
        this.deliveries = deliveries;
        this.referenceData = referenceData;
        this.clock = clock;
        this.zone = zone;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** A courier's work for a day (today by default): what to take out, what is out, what was finished. */
    public CourierWork work(User courier, LocalDate date) {
        if (courier.role() != Role.COURIER) {
            throw Problem.forbidden("this is a courier's list; staff see an office's items under /api/deliveries");
        }
        LocalDate day = date != null ? date : today();
        OffsetDateTime start = day.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = day.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        List<DeliveryView> items =
                jdbi.withExtension(DeliveryDAO.class, dao -> dao.work(courier.username(), day, start, end)).stream()
                        .map(deliveries::toView)
                        .toList();
        long toCollect = items.stream()
                .filter(v -> v.finishedAt() == null)
                .mapToLong(DeliveryView::amountDue)
                .sum();
        long collected = jdbi.withExtension(CourierDAO.class, dao -> dao.collected(courier.username(), start, end));
        return new CourierWork(courier.username(), day, items, toCollect, collected);
    }

    /** Clerks and supervisors of the office (a national supervisor, an administrator: any office). */
    private static boolean mayManage(User user, String officeCode) {
        return user.role() == Role.ADMIN
                || ((user.role() == Role.SUPERVISOR || user.role() == Role.COUNTER)
                        && (user.officeScope() == null || officeCode.equals(user.officeScope())));
    }

    /** The office's couriers and the communes each covers, as the counter assigns and edits them. */
    public List<OfficeCourier> couriers(User user, String requestedOffice) {
        String office = user.officeScope() != null ? user.officeScope() : requestedOffice;
        if (office == null || referenceData.get().office(office).isEmpty()) {
            throw Problem.invalid("office", "is required: a post office code");
        }
        if (!mayManage(user, office)) {
            throw Problem.forbidden("the couriers of post office " + office + " are its own staff's");
        }
        return jdbi.withExtension(CourierDAO.class, dao -> dao.couriers(office)).stream()
                .map(c -> new OfficeCourier(
                        c.username(),
                        c.fullName(),
                        Arrays.stream(c.communes())
                                .map(code -> new OfficeCourier.Commune(
                                        code,
                                        referenceData
                                                .get()
                                                .commune(code)
                                                .map(x -> x.name())
                                                .orElse(code)))
                                .toList()))
                .toList();
    }

    /**
     * Sets the communes a courier covers at their office (replacing the list; a commune another
     * courier had moves to this one), and gives them the office's waiting items there.
     */
    public List<String> setCommunes(User user, String username, List<String> communes) {
        User courier = jdbi.withExtension(UserDAO.class, dao -> dao.findActive(username))
                .map(UserDAO.StoredUser::toUser)
                .filter(u -> u.role() == Role.COURIER)
                .orElseThrow(() -> Problem.notFound("no active courier " + username));
        if (!mayManage(user, courier.officeCode())) {
            throw Problem.forbidden("courier " + username + " works for post office " + courier.officeCode());
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < communes.size(); i++) {
            String c = communes.get(i) == null ? "" : communes.get(i).trim();
            if (referenceData.get().commune(c).isEmpty()) {
                problems.add(new FieldProblem("communes[" + i + "]", "unknown commune code '" + c + "' (5 digits)"));
            } else if (!codes.contains(c)) {
                codes.add(c);
            }
        }
        if (!problems.isEmpty()) {
            throw Problem.invalid(problems);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbi.inTransaction(h -> {
            CourierDAO dao = h.attach(CourierDAO.class);
            dao.clearCommunes(courier.officeCode(), courier.username());
            if (!codes.isEmpty()) {
                dao.addCommunes(courier.officeCode(), courier.username(), codes.toArray(String[]::new));
                dao.assignUnassigned(courier.officeCode(), codes, now);
            }
            return dao.communes(courier.officeCode(), courier.username());
        });
    }

    /** The cash a courier hands in for a day; declaring again replaces it (a recount). */
    public void declare(User courier, LocalDate day, long amount) {
        if (courier.role() != Role.COURIER) {
            throw Problem.forbidden("couriers declare their own cash");
        }
        if (day.isAfter(today())) {
            throw Problem.invalid("date", "is in the future");
        }
        jdbi.useExtension(
                CourierDAO.class,
                dao -> dao.declare(
                        courier.username(),
                        day,
                        amount,
                        OffsetDateTime.now(clock).withNano(0)));
    }

    /**
     * Supervisors: each courier of the office, expected against declared, for a day; a supervisor
     * bound to an office sees that office's.
     */
    public ReconciliationView reconciliation(User user, String requestedOffice, LocalDate date) {
        String office = user.officeScope() != null ? user.officeScope() : requestedOffice;
        if (office == null || referenceData.get().office(office).isEmpty()) {
            throw Problem.invalid("office", "is required: a post office code");
        }
        LocalDate day = date != null ? date : today();
        List<CourierDAO.Reconciliation> rows = jdbi.withExtension(
                CourierDAO.class,
                dao -> dao.reconciliation(
                        office,
                        day,
                        day.atStartOfDay(zone).toOffsetDateTime(),
                        day.plusDays(1).atStartOfDay(zone).toOffsetDateTime()));
        List<ReconciliationView.Line> lines = rows.stream()
                .map(r -> {
                    long difference = (r.declared() == null ? 0 : r.declared()) - r.expected();
                    String state = r.declared() == null
                            ? "NOT_DECLARED"
                            : difference == 0 ? "BALANCED" : difference < 0 ? "SHORT" : "OVER";
                    return new ReconciliationView.Line(
                            r.courier(),
                            r.fullName(),
                            r.delivered(),
                            r.expected(),
                            r.declared(),
                            difference,
                            state,
                            r.declaredAt() == null
                                    ? null
                                    : r.declaredAt().atZoneSameInstant(zone).toOffsetDateTime());
                })
                .toList();
        return new ReconciliationView(
                office,
                day,
                lines,
                lines.stream().mapToLong(ReconciliationView.Line::expected).sum(),
                lines.stream()
                        .mapToLong(l -> l.declared() == null ? 0 : l.declared())
                        .sum());
    }
}
