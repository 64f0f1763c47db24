package vn.dossierpost.service.supervision;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The periodic reports, by the name in their path ({@code /api/reports/{kind}}). */
public enum ReportKind {
    VOLUMES("volumes", "Báo cáo sản lượng hồ sơ"),
    TIMELINESS("timeliness", "Báo cáo thời gian thực hiện theo chặng"),
    REVENUE("revenue", "Báo cáo doanh thu cước và tiền phí, lệ phí thu hộ"),
    /** All of the above and the complaints and incidents: the report TT 17/2017 asks for. */
    SERVICE(
            "service",
            "Báo cáo tình hình cung ứng dịch vụ tiếp nhận hồ sơ, trả kết quả giải quyết thủ tục hành chính"
                    + " qua dịch vụ bưu chính công ích");

    private final String slug;
    private final String title;

    ReportKind(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** The kind named {@code slug}; empty when no kind has that name. */
    public static java.util.Optional<ReportKind> of(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(ReportKind::slug).collect(Collectors.joining(", "));
    }
}
