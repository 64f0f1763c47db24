package vn.dossierpost.web.counter;

import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.service.counter.DossierSearch;
import vn.dossierpost.web.Page;

/** The search form, and the matches or the reason the text was not understood. */
public final class SearchPage extends Page {
    private final String query;
    private final String error;
    private final String kind;
    private final List<Row> rows;
    private final String nextHref;
    private final boolean searched;

    private SearchPage(
            WebSession session,
            String query,
            String error,
            String kind,
            List<Row> rows,
            String nextHref,
            boolean searched) {
        super("counter/search.ftlh", "Tìm hồ sơ");
        signedIn(session);
        this.query = query;
        this.error = error;
        this.kind = kind;
        this.rows = rows;
        this.nextHref = nextHref;
        this.searched = searched;
    }

    static SearchPage form(WebSession session) {
        return new SearchPage(session, "", null, null, List.of(), null, false);
    }

    static SearchPage refused(WebSession session, String query, String error) {
        return new SearchPage(session, query, error, null, List.of(), null, false);
    }

    static SearchPage found(WebSession session, String query, int pageSize, DossierSearch.Result result) {
        String next = null;
        if (result.next() != null) {
            UriBuilder b =
                    UriBuilder.fromPath("/counter/ho-so").queryParam("q", "{q}").queryParam("truoc", result.next());
            if (pageSize != DossierSearch.DEFAULT_PAGE_SIZE) {
                b.queryParam("n", pageSize);
            }
            next = b.build(query.strip()).toString();
        }
        return new SearchPage(session, query, null, result.kind().labelVi(), Row.of(result.lines()), next, true);
    }

    public String getQuery() {
        return query;
    }

    public String getError() {
        return error;
    }

    public String getKind() {
        return kind;
    }

    public List<Row> getRows() {
        return rows;
    }

    public String getNextHref() {
        return nextHref;
    }

    public boolean isSearched() {
        return searched;
    }

    /** A clerk searches their office; a supervisor every office. */
    public boolean isAllOffices() {
        return getStaff().user().officeCode() == null || getStaff().user().role() != vn.dossierpost.domain.Role.COUNTER;
    }
}
