package vn.dossierpost.web.agency;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.service.handover.AgencyDesk;
import vn.dossierpost.service.handover.AgencyDesk.Tab;
import vn.dossierpost.web.Page;

/** The agency desk's list ({@code /agency}): the tabs with their counts, the search, one tab's dossiers. */
public final class AgencyListPage extends Page {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** A tab as its link shows it. */
    public record TabLink(String id, String label, long count, boolean current, String href) {}

    /** A dossier's line, shaped as the agency reads it. */
    public record Row(
            String code,
            String s10,
            String status,
            String statusLabel,
            String procedure,
            String applicantName,
            String receivedOn,
            String resultDue,
            boolean overdue,
            String href) {}

    private final List<TabLink> tabs;
    private final List<Row> rows;
    private final String query;
    private final String error;
    private final boolean more;
    private final Tab tab;

    AgencyListPage(WebSession session, Tab tab, String query, AgencyDesk.Listing listing, String error, ZoneId zone) {
        super("agency/list.ftlh", "Hồ sơ được chuyển đến");
        signedIn(session);
        this.tab = tab;
        this.query = query == null ? "" : query;
        this.error = error;
        this.more = listing.more();
        this.tabs = List.of(Tab.values()).stream()
                .map(t -> new TabLink(
                        "tab-" + param(t),
                        label(t),
                        listing.counts().getOrDefault(t, 0L),
                        t == tab,
                        "/agency?tab=" + param(t)
                                + (this.query.isEmpty()
                                        ? ""
                                        : "&q=" + URLEncoder.encode(this.query, StandardCharsets.UTF_8))))
                .toList();
        this.rows = listing.lines().stream()
                .map(l -> new Row(
                        l.code(),
                        l.s10Number(),
                        l.status().name(),
                        l.status().labelVi(),
                        l.procedure(),
                        l.applicantName(),
                        l.receivedAt() == null ? "" : DATE.format(l.receivedAt().atZoneSameInstant(zone)),
                        date(l.resultDue()),
                        l.overdue(),
                        "/agency/ho-so/" + l.code()))
                .toList();
    }

    /** The tab a query parameter names ({@code moi}, {@code dang-xu-ly}, …); the new ones when none. */
    static Tab tab(String param) {
        for (Tab t : Tab.values()) {
            if (param(t).equals(param)) {
                return t;
            }
        }
        return Tab.NEW;
    }

    static String param(Tab t) {
        return switch (t) {
            case NEW -> "moi";
            case PROCESSING -> "dang-xu-ly";
            case SUPPLEMENT -> "cho-bo-sung";
            case OVERDUE -> "qua-han";
            case ALL -> "tat-ca";
        };
    }

    private static String label(Tab t) {
        return switch (t) {
            case NEW -> "Mới chuyển đến";
            case PROCESSING -> "Đang giải quyết";
            case SUPPLEMENT -> "Chờ bổ sung";
            case OVERDUE -> "Quá hạn";
            case ALL -> "Tất cả";
        };
    }

    private static String date(LocalDate day) {
        return day == null ? "" : DATE.format(day);
    }

    public List<TabLink> getTabs() {
        return tabs;
    }

    public List<Row> getRows() {
        return rows;
    }

    public String getQuery() {
        return query;
    }

    public String getTab() {
        return param(tab);
    }

    public String getEmpty() {
        if (!query.isEmpty()) {
            return "Không có hồ sơ nào khớp với «" + query + "» trong mục này.";
        }
        return switch (tab) {
            case NEW -> "Không có hồ sơ mới chờ xác nhận.";
            case PROCESSING -> "Không có hồ sơ đang giải quyết.";
            case SUPPLEMENT -> "Không có hồ sơ chờ bổ sung.";
            case OVERDUE -> "Không có hồ sơ quá hạn.";
            case ALL -> "Chưa có hồ sơ nào được chuyển đến.";
        };
    }

    public String getError() {
        return error;
    }

    public boolean isMore() {
        return more;
    }
}
