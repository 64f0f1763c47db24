package vn.dossierpost.web.supervisor;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import vn.dossierpost.api.ComplaintView;
import vn.dossierpost.api.IncidentView;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.web.Page;

/**
 * The supervisor's complaints register and lost or damaged items: each complaint with its day to be
 * answered (overdue ones marked) and, while open, the answer form; each item with the compensation
 * owed, its day, and the button that records it paid.
 */
public final class ComplaintsPage extends Page {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final NumberFormat VND = NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN"));

    private final List<ComplaintView> complaints;
    private final List<IncidentView> incidents;
    private final boolean overdueOnly;
    private final String refusal;

    ComplaintsPage(
            WebSession session,
            List<ComplaintView> complaints,
            List<IncidentView> incidents,
            boolean overdueOnly,
            String refusal) {
        super("supervisor/complaints.ftlh", "Khiếu nại và sự cố");
        signedIn(session);
        this.complaints = complaints;
        this.incidents = incidents;
        this.overdueOnly = overdueOnly;
        this.refusal = refusal;
    }

    public List<ComplaintView> getComplaints() {
        return complaints;
    }

    public List<IncidentView> getIncidents() {
        return incidents;
    }

    public boolean isOverdueOnly() {
        return overdueOnly;
    }

    public String getRefusal() {
        return refusal;
    }

    /** dd/MM/yyyy for the template (FreeMarker does not format java.time). */
    public String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    public String vnd(long amount) {
        return VND.format(amount) + " đ";
    }
}
