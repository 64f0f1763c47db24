package vn.dossierpost.service.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.DashboardView;
import vn.dossierpost.db.DashboardDAO;
import vn.dossierpost.db.RatingDAO;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.catalogue.ReferenceData;
import vn.dossierpost.service.catalogue.ReferenceDataCache;
import vn.dossierpost.service.handover.HandoverBacklog;

/**
 * The supervisor's dashboard: the last {@link #DAYS} days (local days of the offices) of intake, of
 * legs kept on time, and of results brought back, with the handover backlog as it is now. A
 * supervisor bound to an office sees that office's dossiers only (and no network-wide backlog); an
 * unbound one and an administrator see the whole network.
 */
public final class Dashboard {
    public static final int DAYS = 30;

    private final Jdbi jdbi;
    private final ReferenceDataCache referenceData;
    private final HandoverBacklog backlog;
    private final Clock clock;
    private final ZoneId zone;

    public Dashboard(Jdbi jdbi, ReferenceDataCache referenceData, HandoverBacklog backlog, Clock clock, ZoneId zone) {
        this.jdbi = jdbi;
        this.referenceData = referenceData;
        this.backlog = backlog;
        this.clock = clock;
        this.zone = zone;
    }

    public DashboardView view(User user) {
        if (user.role() != Role.SUPERVISOR && user.role() != Role.ADMIN) {
            throw Problem.forbidden("the dashboard is for supervisors and administrators");
        }
        String office = user.officeScope();
        LocalDate from = LocalDate.now(clock.withZone(zone)).minusDays(DAYS - 1L);
        OffsetDateTime since = from.atStartOfDay(zone).toOffsetDateTime();
        ReferenceData ref = referenceData.get();
        OffsetDateTime until = OffsetDateTime.now(clock).plusMinutes(1);
        return jdbi.withHandle(h -> {
            DashboardDAO dao = h.attach(DashboardDAO.class);
            List<DashboardView.IntakeDay> intake = dao.intake(zone.getId(), since, office).stream()
                    .map(d -> new DashboardView.IntakeDay(
                            d.day(), d.officeCode(), ref.officeName(d.officeCode()), d.dossiers()))
                    .toList();
            List<DashboardDAO.Legs> legs = dao.legs(since, office);
            DashboardDAO.Deliveries d = dao.deliveries(since, office);
            return new DashboardView(
                    office,
                    DAYS,
                    from,
                    intake,
                    sum(legs, DashboardDAO.Legs::agencyCode, ref::agencyName),
                    sum(legs, DashboardDAO.Legs::officeCode, ref::officeName),
                    office == null ? backlog() : null,
                    new DashboardView.Deliveries(
                            d.firstAttempt(), d.laterAttempt(), d.held(), d.returned(), d.underway()),
                    h.attach(RatingDAO.class).averages(office, since, until).stream()
                            .map(r -> new DashboardView.Satisfaction(
                                    r.officeCode(),
                                    ref.officeName(r.officeCode()),
                                    r.procedureCode(),
                                    ref.procedure(r.procedureCode())
                                            .map(p -> p.name())
                                            .orElse(r.procedureCode()),
                                    r.ratings(),
                                    Math.round(r.average() * 100) / 100.0))
                            .toList());
        });
    }

    private DashboardView.Backlog backlog() {
        HandoverBacklog.Counts c = backlog.counts();
        return new DashboardView.Backlog(
                c.dossiersWaitingForHandover(),
                c.handoversBeingSent(),
                c.oldestWaiting().toMinutes(),
                c.deadLetters());
    }

    /** The rows (one per agency and office) added up by agency or by office. */
    private static List<DashboardView.Leg> sum(
            List<DashboardDAO.Legs> rows, Function<DashboardDAO.Legs, String> key, Function<String, String> name) {
        Map<String, long[]> totals = new LinkedHashMap<>();
        for (DashboardDAO.Legs r : rows) {
            long[] t = totals.computeIfAbsent(key.apply(r), k -> new long[6]);
            t[0] += r.toAgencyDone();
            t[1] += r.toAgencyOnTime();
            t[2] += r.atAgencyDone();
            t[3] += r.atAgencyOnTime();
            t[4] += r.toApplicantDone();
            t[5] += r.toApplicantOnTime();
        }
        List<DashboardView.Leg> legs = new ArrayList<>();
        totals.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            long[] t = e.getValue();
            legs.add(new DashboardView.Leg(e.getKey(), name.apply(e.getKey()), t[0], t[1], t[2], t[3], t[4], t[5]));
        });
        return legs;
    }
}
