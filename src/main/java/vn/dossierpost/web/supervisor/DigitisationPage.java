package vn.dossierpost.web.supervisor;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.dossierpost.api.DigitisationReportView;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.web.Page;

/** The digitisation rate per office and per day of receipt, for a period; or the form with why not. */
public final class DigitisationPage extends Page {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** One line of either table: office, day (blank in the totals), received, digitised, rate. */
    public record Line(String office, String day, long received, long digitised, String rate) {}

    private final String from;
    private final String to;
    private final List<Line> offices;
    private final List<Line> days;
    private final String errorField;
    private final String error;

    private DigitisationPage(
            WebSession session,
            String from,
            String to,
            List<Line> offices,
            List<Line> days,
            String errorField,
            String error) {
        super("supervisor/digitisation.ftlh", "Số hóa hồ sơ");
        signedIn(session);
        this.from = from;
        this.to = to;
        this.offices = offices;
        this.days = days;
        this.errorField = errorField;
        this.error = error;
    }

    static DigitisationPage of(WebSession session, DigitisationReportView report) {
        return new DigitisationPage(
                session,
                report.from().toString(),
                report.to().toString(),
                report.offices().stream()
                        .map(o -> new Line(o.officeName(), "", o.received(), o.digitised(), percent(o.rate())))
                        .toList(),
                report.days().stream()
                        .map(d ->
                                new Line(d.officeName(), day(d.day()), d.received(), d.digitised(), percent(d.rate())))
                        .toList(),
                null,
                null);
    }

    static DigitisationPage refused(WebSession session, String from, String to, String field, String message) {
        return new DigitisationPage(session, from, to, List.of(), List.of(), field, message);
    }

    private static String percent(double rate) {
        return Math.round(rate * 100) + " %";
    }

    private static String day(LocalDate day) {
        return DAY.format(day);
    }

    public String getFrom() {
        return from;
    }

    public String getTo() {
        return to;
    }

    public List<Line> getOffices() {
        return offices;
    }

    public List<Line> getDays() {
        return days;
    }

    public String getErrorField() {
        return errorField;
    }

    public String getError() {
        return error;
    }
}
