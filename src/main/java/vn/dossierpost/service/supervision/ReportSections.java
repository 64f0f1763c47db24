package vn.dossierpost.service.supervision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import vn.dossierpost.api.PeriodicReportView.Column;
import vn.dossierpost.api.PeriodicReportView.Section;
import vn.dossierpost.db.ReportDAO.ComplaintRow;
import vn.dossierpost.db.ReportDAO.IncidentRow;
import vn.dossierpost.db.ReportDAO.LegRow;
import vn.dossierpost.db.ReportDAO.PerOffice;
import vn.dossierpost.db.ReportDAO.RatingRow;
import vn.dossierpost.db.ReportDAO.RevenueRow;
import vn.dossierpost.db.ReportDAO.VolumeRow;
import vn.dossierpost.domain.LegClock;
import vn.dossierpost.service.catalogue.ReferenceData;

/**
 * The rows the database counted, laid out as the report's tables with their Vietnamese headings:
 * one table per dimension (procedure, agency, office), each closed by its total line (marked
 * {@code "total": true}, beside the columns).
 */
final class ReportSections {
    private static final String TOTAL = "Tổng cộng";

    private static final Column CODE = new Column("code", "Mã", false);
    private static final Column NAME = new Column("name", "Tên", false);
    private static final Column LEG = new Column("leg", "Chặng", false);

    private static final List<Column> VOLUMES = List.of(
            new Column("received", "Tiếp nhận", true),
            new Column("handedOver", "Đã chuyển đến cơ quan giải quyết", true),
            new Column("returned", "Đã trả kết quả", true),
            new Column("withdrawn", "Rút hồ sơ", true));

    private static final List<Column> LEGS = List.of(
            new Column("finished", "Hoàn thành trong kỳ", true),
            new Column("onTime", "Đúng hạn", true),
            new Column("late", "Trễ hạn", true),
            new Column("onTimeRate", "Tỷ lệ đúng hạn (%)", true),
            new Column("lateHeldByPost", "Trễ do bưu điện", true),
            new Column("lateHeldByAgency", "Trễ do cơ quan giải quyết", true),
            new Column("lateHeldByApplicant", "Trễ do người nộp (chờ bổ sung)", true),
            new Column("overdueOpen", "Đến hạn trong kỳ, chưa hoàn thành", true));

    private static final List<Column> REVENUE = List.of(
            new Column("paidDossiers", "Hồ sơ đã thu tiền", true),
            new Column("postageAtCounter", "Cước thu tại quầy (đồng)", true),
            new Column("postageOnDelivery", "Cước thu khi phát - COD (đồng)", true),
            new Column("postage", "Tổng cước (đồng)", true),
            new Column("governmentFees", "Phí, lệ phí thu hộ (đồng)", true),
            new Column("refundedFees", "Phí, lệ phí đã hoàn trả (đồng)", true),
            new Column("refundedPostage", "Cước đã hoàn trả (đồng)", true));

    private static final List<Column> COMPLAINTS = List.of(
            new Column("received", "Tiếp nhận trong kỳ", true),
            new Column("answeredOnTime", "Đã trả lời đúng hạn", true),
            new Column("answeredLate", "Đã trả lời quá hạn", true),
            new Column("withdrawn", "Đã rút", true),
            new Column("openOverdue", "Chưa trả lời, đã quá hạn", true),
            new Column("openInTime", "Chưa trả lời, còn hạn", true));

    private static final List<Column> INCIDENTS = List.of(
            new Column("lost", "Bưu gửi thất lạc", true),
            new Column("damaged", "Bưu gửi hư hỏng", true),
            new Column("compensationOwed", "Bồi thường phải trả (đồng)", true),
            new Column("compensationPaid", "Bồi thường đã trả (đồng)", true),
            new Column("paidLate", "Trả quá 30 ngày", true),
            new Column("unpaidOverdue", "Chưa trả, đã quá hạn", true));

    private static final List<Column> RATINGS = List.of(
            new Column("ratings", "Lượt đánh giá", true),
            new Column("average", "Điểm hài lòng trung bình (1–5)", true));

    private final ReferenceData ref;

    ReportSections(ReferenceData ref) {
        this.ref = ref;
    }

    List<Section> volumes(List<VolumeRow> rows) {
        VolumeRow total = rows.stream()
                .filter(r -> r.dimension().equals("TOTAL"))
                .findFirst()
                .orElse(new VolumeRow("TOTAL", null, 0, 0, 0, 0));
        return List.of(
                volumes("volumes-procedure", "Sản lượng theo thủ tục", rows, "PROCEDURE", total, this::procedureName),
                volumes("volumes-agency", "Sản lượng theo cơ quan", rows, "AGENCY", total, ref::agencyName),
                volumes("volumes-office", "Sản lượng theo bưu cục", rows, "OFFICE", total, ref::officeName));
    }

    private Section volumes(
            String key,
            String title,
            List<VolumeRow> rows,
            String dimension,
            VolumeRow total,
            Function<String, String> name) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (VolumeRow r : rows) {
            if (r.dimension().equals(dimension)) {
                lines.add(volumeLine(line(r.key(), name.apply(r.key())), r));
            }
        }
        lines.add(volumeLine(totalLine(), total));
        return new Section(key, title, concat(List.of(CODE, NAME), VOLUMES), lines, null);
    }

    private static Map<String, Object> volumeLine(Map<String, Object> line, VolumeRow r) {
        line.put("received", r.received());
        line.put("handedOver", r.handedOver());
        line.put("returned", r.returned());
        line.put("withdrawn", r.withdrawn());
        return line;
    }

    List<Section> timeliness(List<LegRow> rows) {
        return List.of(
                legs("timeliness-leg", "Đúng hạn theo chặng", rows, "TOTAL", null),
                legs("timeliness-office", "Đúng hạn theo bưu cục", rows, "OFFICE", ref::officeName),
                legs("timeliness-agency", "Đúng hạn theo cơ quan", rows, "AGENCY", ref::agencyName));
    }

    /** One line per stage (all three, zero when none finished); per office or agency, the lines counted. */
    private static Section legs(
            String key, String title, List<LegRow> rows, String dimension, Function<String, String> name) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (LegClock.Stage stage : LegClock.Stage.values()) {
            List<LegRow> of = rows.stream()
                    .filter(r -> r.dimension().equals(dimension) && r.stage().equals(stage.name()))
                    .toList();
            if (name == null && of.isEmpty()) {
                of = List.of(new LegRow(dimension, stage.name(), null, 0, 0, 0, 0, 0, 0, 0));
            }
            for (LegRow r : of) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("leg", legName(stage));
                if (name != null) {
                    line.put("code", r.key());
                    line.put("name", name.apply(r.key()));
                }
                line.put("finished", r.finished());
                line.put("onTime", r.onTime());
                line.put("late", r.late());
                line.put("onTimeRate", r.finished() == 0 ? 0.0 : Math.round(1000.0 * r.onTime() / r.finished()) / 10.0);
                line.put("lateHeldByPost", r.lateHeldByPost());
                line.put("lateHeldByAgency", r.lateHeldByAgency());
                line.put("lateHeldByApplicant", r.lateHeldByApplicant());
                line.put("overdueOpen", r.overdueOpen());
                lines.add(line);
            }
        }
        List<Column> columns = name == null ? concat(List.of(LEG), LEGS) : concat(List.of(LEG, CODE, NAME), LEGS);
        return new Section(key, title, columns, lines, null);
    }

    private static String legName(LegClock.Stage stage) {
        return switch (stage) {
            case TO_AGENCY -> "Chuyển hồ sơ đến cơ quan giải quyết";
            case AT_AGENCY -> "Cơ quan giải quyết";
            case TO_APPLICANT -> "Trả kết quả cho người nhận";
        };
    }

    List<Section> revenue(List<RevenueRow> rows) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (RevenueRow r : rows) {
            boolean total = r.dimension().equals("TOTAL");
            Map<String, Object> line = total ? totalLine() : line(r.key(), ref.officeName(r.key()));
            line.put("paidDossiers", r.paidDossiers());
            line.put("postageAtCounter", r.postageAtCounter());
            line.put("postageOnDelivery", r.postageOnDelivery());
            line.put("postage", r.postageAtCounter() + r.postageOnDelivery());
            line.put("governmentFees", r.governmentFees());
            line.put("refundedFees", r.refundedFees());
            line.put("refundedPostage", r.refundedPostage());
            lines.add(line);
        }
        return List.of(new Section(
                "revenue-office", "Doanh thu theo bưu cục", concat(List.of(CODE, NAME), REVENUE), lines, null));
    }

    /** Complaints (TT 17/2017 Art. 8), lost or damaged items and compensation, and the applicants' ratings, per office. */
    List<Section> aftercare(List<ComplaintRow> complaints, List<IncidentRow> incidents, List<RatingRow> ratings) {
        return List.of(
                perOffice(
                        "complaints-office",
                        "Khiếu nại theo bưu cục",
                        COMPLAINTS,
                        complaints,
                        r -> Map.of(
                                "received", r.received(),
                                "answeredOnTime", r.answeredOnTime(),
                                "answeredLate", r.answeredLate(),
                                "withdrawn", r.withdrawn(),
                                "openOverdue", r.openOverdue(),
                                "openInTime", r.openInTime())),
                perOffice(
                        "incidents-office",
                        "Mất, hư hỏng và bồi thường",
                        INCIDENTS,
                        incidents,
                        r -> Map.of(
                                "lost", r.lost(),
                                "damaged", r.damaged(),
                                "compensationOwed", r.compensationOwed(),
                                "compensationPaid", r.compensationPaid(),
                                "paidLate", r.paidLate(),
                                "unpaidOverdue", r.unpaidOverdue())),
                perOffice(
                        "satisfaction-office",
                        "Mức độ hài lòng của người dân",
                        RATINGS,
                        ratings,
                        r -> Map.of("ratings", r.ratings(), "average", r.average())));
    }

    /** Rows of {@code dimension} OFFICE then the TOTAL line, as a table of code, name and {@code columns}. */
    private <T extends PerOffice> Section perOffice(
            String key, String title, List<Column> columns, List<T> rows, Function<T, Map<String, Object>> values) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (T row : rows) {
            Map<String, Object> line =
                    row.dimension().equals("TOTAL") ? totalLine() : line(row.key(), ref.officeName(row.key()));
            line.putAll(values.apply(row));
            lines.add(line);
        }
        return new Section(key, title, concat(List.of(CODE, NAME), columns), lines, null);
    }

    private String procedureName(String code) {
        return ref.procedure(code).map(p -> p.name()).orElse(null);
    }

    private static Map<String, Object> line(String code, String name) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("code", code);
        line.put("name", name);
        return line;
    }

    private static Map<String, Object> totalLine() {
        Map<String, Object> line = line("", TOTAL);
        line.put("total", true);
        return line;
    }

    private static List<Column> concat(List<Column> a, List<Column> b) {
        List<Column> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
