package vn.dossierpost.service.supervision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.PeriodicReportView;
import vn.dossierpost.db.ReportDAO;
import vn.dossierpost.domain.LegClock;
import vn.dossierpost.domain.ReportPeriod;
import vn.dossierpost.pdf.ReportPdf;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.catalogue.ReferenceData;
import vn.dossierpost.service.catalogue.ReferenceDataCache;

/**
 * The periodic reports TT 17/2017 asks of the post (quarter, half-year, year, or any days), as JSON,
 * XLSX or PDF. Every figure is counted by the database in one aggregate per kind (ReportDAO), over
 * the report projection; its legs and who held the dossier are {@link LegClock}'s, written in SQL
 * (migration 034, held equal by a test), so the report and the dashboard agree on them.
 * {@code office}: the office a supervisor is bound to (null for the whole network).
 */
public final class PeriodicReports {

    /** A report as a file to download. */
    public record ReportFile(byte[] content, String mediaType, String fileName) {}

    public enum Format {
        JSON("application/json", "json"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        PDF("application/pdf", "pdf");

        private final String mediaType;
        private final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        /** JSON when not given. */
        public static Format of(String text) {
            if (text == null || text.isBlank()) {
                return JSON;
            }
            for (Format f : values()) {
                if (f.extension.equals(text.trim().toLowerCase(Locale.ROOT))) {
                    return f;
                }
            }
            throw Problem.invalid("format", "'" + text + "' is not a format: expected json, xlsx or pdf");
        }
    }

    private final Jdbi jdbi;
    private final ReferenceDataCache referenceData;
    private final ZoneId zone;
    private final ReportPdf pdf = new ReportPdf();

    public PeriodicReports(Jdbi jdbi, ReferenceDataCache referenceData, ZoneId zone) {
        this.jdbi = jdbi;
        this.referenceData = referenceData;
        this.zone = zone;
    }

    /** The report of {@code kind} for the period the request names; 422 naming the parameter that is wrong. */
    public PeriodicReportView report(String office, String kindText, String period, String from, String to) {
        ReportKind kind = ReportKind.of(kindText)
                .orElseThrow(() ->
                        Problem.invalid("kind", "'" + kindText + "' is not a report: expected " + ReportKind.names()));
        return report(office, kind, period(period, from, to));
    }

    /** The report as a file in {@code format} (JSON when not given). */
    public ReportFile file(String office, String kindText, String period, String from, String to, String format) {
        Format f = Format.of(format);
        PeriodicReportView view = report(office, kindText, period, from, to);
        String name = "bao-cao-" + view.kind() + "-" + view.from() + "-" + view.to() + "." + f.extension;
        byte[] content = switch (f) {
            case XLSX -> ReportWorkbook.write(view);
            case PDF -> pdf.render(view);
            case JSON -> throw new IllegalArgumentException("JSON is the view itself, not a file");
        };
        return new ReportFile(content, f.mediaType, name);
    }

    private PeriodicReportView report(String office, ReportKind kind, ReportPeriod period) {
        ReferenceData ref = referenceData.get();
        if (office != null && ref.office(office).isEmpty()) {
            throw Problem.invalid("office", "no post office has the code '" + office + "'");
        }
        OffsetDateTime start = period.from().atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = period.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        ReportSections sections = new ReportSections(ref);
        List<PeriodicReportView.Section> all = new ArrayList<>();
        jdbi.useExtension(ReportDAO.class, dao -> {
            if (dao.useZone(zone.getId())) {
                dao.rebuild(); // its late legs were judged in another zone's days
            }
            if (kind == ReportKind.VOLUMES || kind == ReportKind.SERVICE) {
                all.addAll(sections.volumes(dao.volumes(start, end, office)));
            }
            if (kind == ReportKind.TIMELINESS || kind == ReportKind.SERVICE) {
                all.addAll(
                        sections.timeliness(dao.legs(period.from(), period.to().plusDays(1), start, end, office)));
            }
            if (kind == ReportKind.REVENUE || kind == ReportKind.SERVICE) {
                all.addAll(sections.revenue(dao.revenue(start, end, office)));
            }
            if (kind == ReportKind.SERVICE) {
                LocalDate today = LocalDate.now(zone);
                all.addAll(sections.aftercare(
                        dao.complaints(period.from(), period.to(), today, office),
                        dao.incidents(period.from(), period.to(), today, zone.getId(), office),
                        dao.ratings(start, end, office)));
            }
        });
        return new PeriodicReportView(
                kind.slug(),
                kind.title(),
                period.name(),
                period.from(),
                period.to(),
                office,
                office == null ? null : ref.officeName(office),
                all);
    }

    private static ReportPeriod period(String period, String from, String to) {
        try {
            return ReportPeriod.parse(period, from, to);
        } catch (ReportPeriod.Invalid e) {
            throw Problem.invalid(e.field(), e.getMessage());
        }
    }
}
