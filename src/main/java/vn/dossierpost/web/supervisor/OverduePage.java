package vn.dossierpost.web.supervisor;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import vn.dossierpost.api.DossierPage;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.service.catalogue.ReferenceData;
import vn.dossierpost.web.Page;

/** Dossiers past the due date of the leg they are on, each with who holds the clock. */
public final class OverduePage extends Page {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Map<String, String> STAGES = Map.of(
            "TO_AGENCY", "Chuyển đến cơ quan",
            "AT_AGENCY", "Cơ quan giải quyết",
            "TO_APPLICANT", "Trả kết quả");
    private static final Map<String, String> HOLDERS = Map.of(
            "POST", "Bưu điện",
            "AGENCY", "Cơ quan giải quyết",
            "APPLICANT", "Người nộp");

    /** One overdue dossier: where it is, who must act, since when. */
    public record Row(
            String code,
            String applicant,
            String office,
            String agency,
            String status,
            String stage,
            String holder,
            String holderCode,
            String due,
            long daysLate) {}

    private final List<Row> rows;
    private final Long next;
    private final String agency;

    OverduePage(WebSession session, DossierPage page, String agency, ReferenceData ref, LocalDate today) {
        super("supervisor/overdue.ftlh", "Quá hạn");
        signedIn(session);
        this.rows = page.items().stream()
                .filter(s -> s.clock() != null)
                .map(s -> new Row(
                        s.code(),
                        s.applicantName(),
                        ref.officeName(s.officeCode()),
                        ref.agencyName(s.agencyCode()),
                        s.status().labelVi(),
                        STAGES.getOrDefault(s.clock().stage(), s.clock().stage()),
                        HOLDERS.getOrDefault(s.clock().holder(), s.clock().holder()),
                        s.clock().holder(),
                        DAY.format(s.clock().due()),
                        ChronoUnit.DAYS.between(s.clock().due(), today)))
                .toList();
        this.next = page.next();
        this.agency = agency;
    }

    public List<Row> getRows() {
        return rows;
    }

    /** The {@code before} of the next page, or null on the last. */
    public Long getNext() {
        return next;
    }

    public String getAgency() {
        return agency;
    }
}
