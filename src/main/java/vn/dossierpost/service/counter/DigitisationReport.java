package vn.dossierpost.service.counter;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.DigitisationReportView;
import vn.dossierpost.db.DossierFileDAO;
import vn.dossierpost.db.DossierFileDAO.DigitisationRow;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.catalogue.ReferenceData;
import vn.dossierpost.service.catalogue.ReferenceDataCache;

/**
 * How much of what the counters take in gets digitised, per office and day of receipt (local time),
 * for supervisors. A dossier counts as digitised once it has reached DIGITISED, whenever that was.
 */
public final class DigitisationReport {
    static final int MAX_DAYS = 366;

    private final Jdbi jdbi;
    private final ReferenceDataCache referenceData;
    private final ZoneId zone;

    public DigitisationReport(Jdbi jdbi, ReferenceDataCache referenceData, ZoneId zone) {
        this.jdbi = jdbi;
        this.referenceData = referenceData;
        this.zone = zone;
    }

    /** The report for {@code from}–{@code to}; a supervisor bound to an office gets that office's lines only. */
    public DigitisationReportView report(User user, String fromText, String toText) {
        LocalDate from = date("from", fromText);
        LocalDate to = date("to", toText);
        if (to.isBefore(from)) {
            throw Problem.invalid("to", "must not be before from (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw Problem.invalid("to", "the period may span at most " + MAX_DAYS + " days");
        }
        List<DigitisationRow> rows = jdbi.withExtension(
                DossierFileDAO.class,
                dao -> dao.digitisation(
                        zone.getId(),
                        from.atStartOfDay(zone).toOffsetDateTime(),
                        to.plusDays(1).atStartOfDay(zone).toOffsetDateTime()));
        ReferenceData ref = referenceData.get();
        List<DigitisationReportView.Day> days = new ArrayList<>();
        Map<String, long[]> totals = new TreeMap<>();
        String office = user.officeScope();
        for (DigitisationRow r : rows) {
            if (office != null && !office.equals(r.officeCode())) {
                continue;
            }
            days.add(new DigitisationReportView.Day(
                    r.officeCode(),
                    officeName(ref, r.officeCode()),
                    r.day(),
                    r.received(),
                    r.digitised(),
                    rate(r.digitised(), r.received())));
            long[] t = totals.computeIfAbsent(r.officeCode(), k -> new long[2]);
            t[0] += r.received();
            t[1] += r.digitised();
        }
        List<DigitisationReportView.Office> offices = totals.entrySet().stream()
                .map(e -> new DigitisationReportView.Office(
                        e.getKey(),
                        officeName(ref, e.getKey()),
                        e.getValue()[0],
                        e.getValue()[1],
                        rate(e.getValue()[1], e.getValue()[0])))
                .toList();
        return new DigitisationReportView(from, to, days, offices);
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            throw Problem.invalid(field, "is required: a date as YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw Problem.invalid(field, "'" + text + "' is not a date as YYYY-MM-DD");
        }
    }

    private static String officeName(ReferenceData ref, String code) {
        return ref.office(code).map(o -> o.name()).orElse(null);
    }

    private static double rate(long digitised, long received) {
        return received == 0 ? 0 : Math.round(10_000.0 * digitised / received) / 10_000.0;
    }
}
