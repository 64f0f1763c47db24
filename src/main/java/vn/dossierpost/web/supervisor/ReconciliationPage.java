package vn.dossierpost.web.supervisor;

import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.dossierpost.api.OfficeView;
import vn.dossierpost.api.ReconciliationView;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.web.Page;

/** "Đối soát tiền thu hộ": each courier's expected, declared and difference for a day, and the totals. */
public final class ReconciliationPage extends Page {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM");

    /** One courier's line as the table prints it. */
    public record Line(
            String courier,
            String fullName,
            int delivered,
            long expected,
            Long declared,
            long difference,
            String state,
            String stateLabel,
            String declaredAt) {}

    private final List<OfficeView> offices;
    private final String office;
    private final String date;
    private ReconciliationView shown;
    private String errorField;
    private String error;

    ReconciliationPage(WebSession session, List<OfficeView> offices, String office, String date) {
        super("supervisor/reconciliation.ftlh", "Đối soát tiền thu hộ");
        signedIn(session);
        this.offices = offices;
        this.office = office == null ? "" : office;
        this.date = date == null ? "" : date;
    }

    ReconciliationPage showing(ReconciliationView view) {
        this.shown = view;
        return this;
    }

    ReconciliationPage refused(String field, String message) {
        this.errorField = field;
        this.error = message;
        return this;
    }

    /** Offices to choose from: empty for a supervisor bound to one. */
    public List<OfficeView> getOffices() {
        return offices;
    }

    public String getOffice() {
        return shown != null ? shown.officeCode() : office;
    }

    public String getDate() {
        return shown != null ? shown.date().toString() : date;
    }

    public String getDay() {
        return shown == null ? null : DAY.format(shown.date());
    }

    public ReconciliationView getShown() {
        return shown;
    }

    public List<Line> getLines() {
        return shown == null
                ? List.of()
                : shown.couriers().stream()
                        .map(l -> new Line(
                                l.courier(),
                                l.fullName(),
                                l.delivered(),
                                l.expected(),
                                l.declared(),
                                l.difference(),
                                l.state(),
                                label(l.state()),
                                l.declaredAt() == null ? "" : TIME.format(l.declaredAt())))
                        .toList();
    }

    public long getDifference() {
        return shown == null ? 0 : shown.declared() - shown.expected();
    }

    public String getErrorField() {
        return errorField;
    }

    public String getError() {
        return error;
    }

    private static String label(String state) {
        return switch (state) {
            case "BALANCED" -> "Khớp";
            case "SHORT" -> "Thiếu";
            case "OVER" -> "Thừa";
            default -> "Chưa nộp";
        };
    }
}
