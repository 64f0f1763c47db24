package vn.dossierpost.service.supervision;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The periodic reports, by the name in their path ({@code /api/reports/{kind}}). */
public enum ReportKind {
    VOLUMES("volumes", "Sản lượng", "Báo cáo sản lượng hồ sơ"),
    TIMELINESS("timeliness", "Đúng hạn theo chặng", "Báo cáo thời gian thực hiện theo chặng"),
    REVENUE("revenue", "Doanh thu, thu hộ", "Báo cáo doanh thu cước và tiền phí, lệ phí thu hộ"),
    /** All of the above and the complaints and incidents: the report TT 17/2017 asks for. */
    SERVICE(
            "service",
            "Báo cáo tổng hợp (TT 17/2017)",
            "Báo cáo tình hình cung ứng dịch vụ tiếp nhận hồ sơ, trả kết quả giải quyết thủ tục hành chính"
                    + " qua dịch vụ bưu chính công ích");

    private final String slug;
    private final String label;
    private final String title;

    ReportKind(String slug, String label, String title) {
        this.slug = slug;
        this.label = label;
        this.title = title;
    }

    /** The short name offered on the supervisor's form. */
    public String label() {
        return label;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** The kind named {@code slug}; empty when no kind has that name. */
    public static Optional<ReportKind> of(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(ReportKind::slug).collect(Collectors.joining(", "));
    }
}
