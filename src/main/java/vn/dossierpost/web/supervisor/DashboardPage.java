package vn.dossierpost.web.supervisor;

import java.time.format.DateTimeFormatter;
import vn.dossierpost.api.DashboardView;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.web.Page;

/** The supervisor's dashboard: its numbers as tables, which the page's script also draws as charts. */
public final class DashboardPage extends Page {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd/MM");

    /** A day's intake at one office as the table shows it. */
    public record IntakeRow(String day, String shortDay, String office, long dossiers) {}

    private final DashboardView view;

    DashboardPage(WebSession session, DashboardView view) {
        super("supervisor/dashboard.ftlh", "Tổng quan");
        signedIn(session);
        this.view = view;
    }

    public DashboardView getView() {
        return view;
    }

    public java.util.List<IntakeRow> getIntake() {
        return view.intake().stream()
                .map(d -> new IntakeRow(DAY.format(d.day()), SHORT.format(d.day()), d.officeName(), d.dossiers()))
                .toList();
    }

    /** Every day of the period, as the intake chart's axis shows it (days without intake too). */
    public String getDays() {
        return java.util.stream.Stream.iterate(view.from(), d -> d.plusDays(1))
                .limit(view.days())
                .map(SHORT::format)
                .collect(java.util.stream.Collectors.joining(","));
    }

    public String getFrom() {
        return DAY.format(view.from());
    }

    /** "87 %" of {@code part} in {@code whole}, or "—" when nothing has finished. */
    public String share(long part, long whole) {
        return whole == 0 ? "—" : Math.round(100.0 * part / whole) + " %";
    }
}
