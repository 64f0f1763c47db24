package vn.dossierpost.service.payment;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.RemittanceRequest;
import vn.dossierpost.api.RemittanceView;
import vn.dossierpost.db.RemittanceDAO;
import vn.dossierpost.db.RemittanceDAO.FeeLine;
import vn.dossierpost.db.RemittanceDAO.Statement;
import vn.dossierpost.domain.User;
import vn.dossierpost.pdf.RemittanceData;
import vn.dossierpost.pdf.RemittancePdf;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.catalogue.ReferenceDataCache;

/**
 * Remittance to agencies: the government fees the post took for an agency over a period (by the
 * day the payment was taken, in the service's zone), as JSON, a PDF statement or a CSV, and the
 * statement marked remitted. A dossier's fee is in at most one remitted statement, and so is the
 * deduction of a remitted fee the applicant got back (a refusal's refund); an agency's remitted periods
 * never overlap. National staff only: the money of every office is in it.
 */
public final class Remittances {
    /** The longest period a statement covers: a year is plenty for a monthly or quarterly remittance. */
    static final int MAX_DAYS = 366;

    private final Jdbi jdbi;
    private final ReferenceDataCache referenceData;
    private final RemittancePdf pdf = new RemittancePdf();
    private final Clock clock;
    private final ZoneId zone;

    public Remittances(Jdbi jdbi, ReferenceDataCache referenceData, Clock clock, ZoneId zone) {
        this.jdbi = jdbi;
        this.referenceData = referenceData;
        this.clock = clock;
        this.zone = zone;
    }

    private record Period(String agency, LocalDate from, LocalDate to) {
        String number() {
            return "NT-" + agency + "-" + from.toString().replace("-", "") + "-"
                    + to.toString().replace("-", "");
        }
    }

    public RemittanceView statement(User user, String agency, String from, String to) {
        Period period = period(user, agency, from, to);
        return jdbi.withHandle(h -> view(h, period));
    }

    public byte[] statementPdf(User user, String agency, String from, String to) {
        RemittanceView v = statement(user, agency, from, to);
        List<RemittanceData.Line> lines = v.lines().stream()
                .map(l -> new RemittanceData.Line(
                        l.dossierCode(),
                        refund(l) ? "Hoàn trả · " + l.procedureCode() : l.procedureCode(),
                        day(l),
                        l.governmentFee()))
                .toList();
        return pdf.render(new RemittanceData(
                v.number(),
                v.agencyName(),
                v.agencyCode(),
                v.from(),
                v.to(),
                lines,
                v.total(),
                v.remittedBy(),
                v.remittedAt() == null
                        ? null
                        : v.remittedAt().atZoneSameInstant(zone).toLocalDateTime()));
    }

    /** UTF-8 with a byte-order mark (so Excel reads the Vietnamese), ';'-separated as Excel expects in vi-VN. */
    public byte[] statementCsv(User user, String agency, String from, String to) {
        RemittanceView v = statement(user, agency, from, to);
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append("Số bảng kê;Cơ quan;Mã hồ sơ;Thủ tục;Bưu cục;Loại;Ngày;Lệ phí (đồng);Đã nộp trong bảng kê\r\n");
        for (RemittanceView.Line l : v.lines()) {
            csv.append(String.join(
                            ";",
                            v.number(),
                            v.agencyCode(),
                            l.dossierCode(),
                            l.procedureCode(),
                            l.officeCode(),
                            refund(l) ? "Hoàn trả" : "Thu",
                            day(l).toString(),
                            String.valueOf(l.governmentFee()),
                            l.remittedIn() == null ? "" : l.remittedIn()))
                    .append("\r\n");
        }
        csv.append(v.number()).append(';').append(v.agencyCode()).append(";Tổng cộng;;;;;");
        csv.append(v.total()).append(";\r\n");
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean refund(RemittanceView.Line l) {
        return "REFUND".equals(l.kind());
    }

    /** The day the money moved: taken for a fee, paid back for a deduction. */
    private LocalDate day(RemittanceView.Line l) {
        return (refund(l) ? l.refundedAt() : l.paidAt()).atZoneSameInstant(zone).toLocalDate();
    }

    /**
     * Marks the statement remitted, by the caller, now. 409 when the agency has a remitted statement
     * sharing a day with this period; 422 when it has nothing to carry.
     */
    public RemittanceView remit(User user, RemittanceRequest request) {
        if (request == null) {
            throw Problem.invalid("agency", "is required, with from and to (YYYY-MM-DD)");
        }
        Period period = period(user, request.agency(), request.from(), request.to());
        return jdbi.inTransaction(h -> {
            RemittanceDAO dao = h.attach(RemittanceDAO.class);
            dao.lockAgency(period.agency());
            List<Statement> overlapping = dao.overlapping(period.agency(), period.from(), period.to());
            if (!overlapping.isEmpty()) {
                throw Problem.conflict(
                        "agency " + period.agency() + " has a remitted statement for a day of this period",
                        Map.of("remittedIn", overlapping.get(0).number()));
            }
            List<FeeLine> fees = outstanding(h, period);
            if (fees.isEmpty()) {
                throw Problem.invalid("from", "no government fee of this agency was taken in this period");
            }
            long total = fees.stream().mapToLong(FeeLine::governmentFee).sum();
            long id = dao.insert(new Statement(
                    period.number(),
                    period.agency(),
                    period.from(),
                    period.to(),
                    fees.size(),
                    total,
                    user.username(),
                    OffsetDateTime.now(clock)));
            dao.insertItems(id, fees);
            return view(h, period);
        });
    }

    private List<FeeLine> outstanding(Handle h, Period p) {
        return h.attach(RemittanceDAO.class)
                .outstanding(
                        p.agency(),
                        p.from().atStartOfDay(zone).toOffsetDateTime(),
                        p.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
    }

    /** A remitted statement as it was remitted; otherwise what it would carry now. */
    private RemittanceView view(Handle h, Period p) {
        String number = p.number();
        RemittanceDAO dao = h.attach(RemittanceDAO.class);
        Statement remitted = dao.overlapping(p.agency(), p.from(), p.to()).stream()
                .filter(s -> s.number().equals(number))
                .findFirst()
                .orElse(null);
        List<RemittanceView.Line> lines = (remitted == null ? outstanding(h, p) : dao.remitted(number))
                .stream()
                        .map(f -> new RemittanceView.Line(
                                f.code(),
                                f.procedureCode(),
                                f.officeCode(),
                                f.kind(),
                                f.paidAt(),
                                f.refundedAt(),
                                f.governmentFee(),
                                f.remittedIn()))
                        .toList();
        return new RemittanceView(
                number,
                p.agency(),
                referenceData.get().agencyName(p.agency()),
                p.from(),
                p.to(),
                lines,
                lines.size(),
                lines.stream().mapToLong(RemittanceView.Line::governmentFee).sum(),
                remitted == null ? null : remitted.remittedBy(),
                remitted == null ? null : remitted.remittedAt());
    }

    private Period period(User user, String agency, String from, String to) {
        if (user.officeScope() != null) {
            throw Problem.forbidden("remittances span every office: national staff only");
        }
        if (agency == null || agency.isBlank()) {
            throw Problem.invalid("agency", "is required: the code of the agency the fees are remitted to");
        }
        String code = agency.trim();
        if (referenceData.get().agency(code).isEmpty()) {
            throw Problem.invalid("agency", "is not an agency of the catalogue: " + code);
        }
        LocalDate start = day("from", from);
        LocalDate end = day("to", to);
        if (end.isBefore(start)) {
            throw Problem.invalid("to", "must be on or after from");
        }
        if (end.isAfter(start.plusDays(MAX_DAYS - 1))) {
            throw Problem.invalid("to", "a statement covers at most " + MAX_DAYS + " days");
        }
        return new Period(code, start, end);
    }

    private static LocalDate day(String field, String value) {
        try {
            return LocalDate.parse(value == null ? "" : value.trim());
        } catch (DateTimeParseException e) {
            throw Problem.invalid(field, "must be a day as YYYY-MM-DD");
        }
    }
}
