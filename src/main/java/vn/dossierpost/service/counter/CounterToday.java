package vn.dossierpost.service.counter;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.db.DeliveryDAO;
import vn.dossierpost.db.DossierDAO;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.db.PickupDAO;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.catalogue.ReferenceData;
import vn.dossierpost.service.catalogue.ReferenceDataCache;

/**
 * What a counter clerk's office has on its plate today, one list per method, always the clerk's own
 * office: dossiers taken in today, dossiers still missing scans (RECEIVED: DIGITISED comes once every
 * required document has one), supplements the agency asked the applicant for (SUPPLEMENT_REQUESTED),
 * results to collect at the agencies the office serves (open pickups), and results waiting at the
 * office for the applicant (HELD_AT_OFFICE: sent there for collection, or held after failed deliveries).
 */
public final class CounterToday {
    private final Jdbi jdbi;
    private final ReferenceDataCache referenceData;
    private final Clock clock;
    private final ZoneId zone;

    public CounterToday(Jdbi jdbi, ReferenceDataCache referenceData, Clock clock) {
        this.jdbi = jdbi;
        this.referenceData = referenceData;
        this.clock = clock;
        this.zone = clock.getZone();
    }

    /** Taken in at the office since midnight (the service's zone), newest first. */
    public TodayList received(User clerk) {
        String office = office(clerk);
        OffsetDateTime from = LocalDate.now(clock).atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = from.atZoneSameInstant(zone).plusDays(1).toOffsetDateTime();
        return jdbi.withExtension(
                DossierDAO.class,
                dao -> new TodayList(
                        lines(dao.receivedBetween(office, from, to, TodayList.SHOWN), null),
                        dao.countReceivedBetween(office, from, to)));
    }

    /** Taken in, not every required document scanned yet; the longest waiting first. */
    public TodayList scansMissing(User clerk) {
        return inStatus(clerk, DossierStatus.RECEIVED, "Chưa số hóa đủ giấy tờ");
    }

    /** The agency asked for more documents; the applicant brings them to the counter. */
    public TodayList supplements(User clerk) {
        return inStatus(clerk, DossierStatus.SUPPLEMENT_REQUESTED, "Chờ người nộp bổ sung giấy tờ");
    }

    /** Results (or refusal notices) ready at agencies this office serves, not collected yet; oldest first. */
    public TodayList pickups(User clerk) {
        String office = office(clerk);
        ReferenceData ref = referenceData.get();
        return jdbi.withExtension(PickupDAO.class, dao -> {
            List<DossierLine> lines = dao.open(office, TodayList.SHOWN).stream()
                    .map(p -> new DossierLine(
                            p.dossierCode(),
                            null,
                            null,
                            null,
                            "REFUSAL".equals(p.kind()) ? "Thông báo từ chối" : "Kết quả",
                            p.createdAt().atZoneSameInstant(zone).toOffsetDateTime(),
                            "Nhận tại "
                                    + ref.agency(p.agencyCode())
                                            .map(a -> a.name())
                                            .orElse(p.agencyCode())
                                    + (p.resultReference() == null ? "" : " · số " + p.resultReference())))
                    .toList();
            return new TodayList(lines, dao.countOpen(office));
        });
    }

    /** Results at the office waiting for the applicant, the soonest to go back to the agency first. */
    public TodayList held(User clerk) {
        String office = office(clerk);
        return jdbi.withExtension(DeliveryDAO.class, dao -> {
            List<DossierLine> lines = dao.heldAt(office, TodayList.SHOWN).stream()
                    .map(i -> new DossierLine(
                            i.dossierCode(),
                            i.s10Number(),
                            i.recipientName(),
                            null,
                            i.failedAttempts() > 0
                                    ? "Phát không thành công " + i.failedAttempts() + " lần, lưu tại bưu cục"
                                    : "Người nhận đến bưu cục nhận",
                            i.arrivedAt() == null
                                    ? null
                                    : i.arrivedAt().atZoneSameInstant(zone).toOffsetDateTime(),
                            i.heldUntil() == null ? null : "Lưu đến " + i.heldUntil()))
                    .toList();
            return new TodayList(lines, dao.countHeldAt(office));
        });
    }

    private TodayList inStatus(User clerk, DossierStatus status, String note) {
        String office = office(clerk);
        return jdbi.withExtension(
                DossierDAO.class,
                dao -> new TodayList(
                        lines(dao.inStatus(office, status, TodayList.SHOWN), note), dao.countInStatus(office, status)));
    }

    List<DossierLine> lines(List<DossierRow> rows, String note) {
        return lines(referenceData.get(), zone, rows, note);
    }

    static List<DossierLine> lines(ReferenceData ref, ZoneId zone, List<DossierRow> rows, String note) {
        return rows.stream()
                .map(r -> new DossierLine(
                        r.code(),
                        r.s10Number(),
                        r.applicantName(),
                        ref.procedure(r.procedureCode()).map(p -> p.name()).orElse(r.procedureCode()),
                        r.status().labelVi(),
                        r.receivedAt().atZoneSameInstant(zone).toOffsetDateTime(),
                        note))
                .toList();
    }

    private static String office(User clerk) {
        if (clerk.role() != Role.COUNTER || clerk.officeCode() == null) {
            throw Problem.forbidden("the counter's lists are a counter clerk's, of their own office");
        }
        return clerk.officeCode();
    }
}
