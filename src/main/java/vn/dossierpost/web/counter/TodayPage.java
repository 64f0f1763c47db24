package vn.dossierpost.web.counter;

import java.util.List;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.service.counter.TodayList;
import vn.dossierpost.web.Page;

/** The counter's "today": five lists of the clerk's office, each row a link to the dossier. */
public final class TodayPage extends Page {
    /** One list as the page shows it: its element id, heading, what an empty list says, and its rows. */
    public record Section(String id, String heading, String empty, List<Row> rows, long total, boolean more) {}

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
                section("today-received", "Tiếp nhận hôm nay", "Hôm nay chưa tiếp nhận hồ sơ nào.", received),
                section("today-scans-missing", "Chưa số hóa xong", "Không có hồ sơ nào chờ số hóa.", scansMissing),
                section("today-supplements", "Cơ quan yêu cầu bổ sung", "Không có hồ sơ nào cần bổ sung.", supplements),
                section(
                        "today-pickups",
                        "Kết quả cần nhận tại cơ quan",
                        "Không có kết quả nào chờ nhận tại cơ quan.",
                        pickups),
                section(
                        "today-held",
                        "Kết quả chờ trả tại bưu cục",
                        "Không có kết quả nào đang lưu tại bưu cục.",
                        held));
    }

    private static Section section(String id, String heading, String empty, TodayList list) {
        return new Section(id, heading, empty, Row.of(list.lines()), list.total(), list.more());
    }

    public List<Section> getSections() {
        return sections;
    }
}
