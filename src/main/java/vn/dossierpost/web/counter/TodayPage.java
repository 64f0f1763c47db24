package vn.dossierpost.web.counter;

import java.util.List;
import java.util.function.Function;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.service.counter.TodayList;
import vn.dossierpost.web.Page;

/** The counter's "today": five lists of the clerk's office, each row a link to the dossier. */
public final class TodayPage extends Page {
    /**
     * One list as the page shows it: its element id, heading, what an empty list says, its rows, and
     * the page where the list is worked through (null when the rows' dossier pages are that place).
     */
    public record Section(
            String id, String heading, String empty, List<Row> rows, long total, boolean more, String page) {
        /** The rows linking where each is worked on (the collection form, the held item) instead of the dossier. */
        Section linkingTo(Function<Row, String> href) {
            return new Section(
                    id,
                    heading,
                    empty,
                    rows.stream().map(r -> r.at(href.apply(r))).toList(),
                    total,
                    more,
                    page);
        }
    }

    private final List<Section> sections;

    TodayPage(
            WebSession session,
            TodayList received,
            TodayList scansMissing,
            TodayList supplements,
            TodayList pickups,
            TodayList held) {
        super("counter/today.ftlh", "Hôm nay");
        signedIn(session);
        this.sections = List.of(
                section("today-received", "Tiếp nhận hôm nay", "Hôm nay chưa tiếp nhận hồ sơ nào.", received, null),
                section(
                        "today-scans-missing",
                        "Chưa số hóa xong",
                        "Không có hồ sơ nào chờ số hóa.",
                        scansMissing,
                        null),
                section(
                        "today-supplements",
                        "Cơ quan yêu cầu bổ sung",
                        "Không có hồ sơ nào cần bổ sung.",
                        supplements,
                        null),
                section(
                                "today-pickups",
                                "Kết quả cần nhận tại cơ quan",
                                "Không có kết quả nào chờ nhận tại cơ quan.",
                                pickups,
                                "/counter/nhan-ket-qua")
                        .linkingTo(r -> "/counter/nhan-ket-qua/" + r.code()),
                section(
                                "today-held",
                                "Kết quả chờ trả tại bưu cục",
                                "Không có kết quả nào đang lưu tại bưu cục.",
                                held,
                                "/counter/buu-gui/luu-giu")
                        .linkingTo(r -> "/counter/buu-gui/" + r.s10Number()));
    }

    private static Section section(String id, String heading, String empty, TodayList list, String page) {
        return new Section(id, heading, empty, Row.of(list.lines()), list.total(), list.more(), page);
    }

    public List<Section> getSections() {
        return sections;
    }
}
