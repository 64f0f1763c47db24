package vn.dossierpost.web.supervisor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.dossierpost.api.PeriodicReportView;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.service.supervision.ReportKind;
import vn.dossierpost.web.Page;

/** A periodic report's sections as tables, with its XLSX and PDF links; or the form with why not. */
public final class ReportPage extends Page {
    private static final Locale VI = Locale.forLanguageTag("vi-VN");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** What the supervisor asked for, as typed (shown back in the form). */
    public record Form(String kind, String period, String from, String to) {}

    public record Kind(String slug, String label) {}

    public record Cell(String text, boolean number) {}

    /** A line of a table; {@code total}: the line adding up the others. */
    public record Line(List<Cell> cells, boolean total) {}

    /** A section as shown: its title, column headings and lines, or its note. */
    public record Table(String key, String title, List<Cell> headings, List<Line> lines, String note) {}

    private final Form form;
    private final PeriodicReportView report;
    private final List<Table> tables;
    private final String errorField;
    private final String error;

    private ReportPage(
            WebSession session,
            Form form,
            PeriodicReportView report,
            List<Table> tables,
            String errorField,
            String error) {
        super("supervisor/reports.ftlh", "Báo cáo định kỳ");
        signedIn(session);
        this.form = form;
        this.report = report;
        this.tables = tables;
        this.errorField = errorField;
        this.error = error;
    }

    static ReportPage of(WebSession session, Form form, PeriodicReportView report) {
        return new ReportPage(
                session,
                form,
                report,
                report.sections().stream().map(ReportPage::table).toList(),
                null,
                null);
    }

    static ReportPage refused(WebSession session, Form form, String field, String message) {
        return new ReportPage(session, form, null, List.of(), field, message);
    }

    private static Table table(PeriodicReportView.Section s) {
        List<Cell> headings =
                s.columns().stream().map(c -> new Cell(c.label(), c.number())).toList();
        List<Line> lines = new ArrayList<>();
        for (Map<String, Object> row : s.rows()) {
            lines.add(new Line(
                    s.columns().stream()
                            .map(c -> new Cell(text(row.get(c.key())), c.number()))
                            .toList(),
                    Boolean.TRUE.equals(row.get("total"))));
        }
        return new Table(s.key(), s.title(), headings, lines, s.note());
    }

    private static String text(Object value) {
        if (value instanceof Double d) {
            return String.format(VI, "%.1f", d);
        }
        if (value instanceof Number n) {
            return NumberFormat.getIntegerInstance(VI).format(n.longValue());
        }
        return value == null ? "" : value.toString();
    }

    public Form getForm() {
        return form;
    }

    public List<Kind> getKinds() {
        return Arrays.stream(ReportKind.values())
                .map(k -> new Kind(k.slug(), k.label()))
                .toList();
    }

    /** The report shown, or null when the form was refused. */
    public PeriodicReportView getReport() {
        return report;
    }

    public List<Table> getTables() {
        return tables;
    }

    /** The days the report covers, as the page shows them. */
    public String getDays() {
        return report == null ? null : DAY.format(report.from()) + " – " + DAY.format(report.to());
    }

    public String getXlsx() {
        return download("xlsx");
    }

    public String getPdf() {
        return download("pdf");
    }

    /** The API address of the report shown, in {@code format}: the browser's session signs the request. */
    private String download(String format) {
        return report == null
                ? null
                : "/api/reports/" + URLEncoder.encode(report.kind(), StandardCharsets.UTF_8) + "?from=" + report.from()
                        + "&to=" + report.to() + "&format=" + format;
    }

    public String getErrorField() {
        return errorField;
    }

    public String getError() {
        return error;
    }
}
