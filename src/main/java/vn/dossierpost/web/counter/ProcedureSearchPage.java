package vn.dossierpost.web.counter;

import java.util.List;
import vn.dossierpost.api.ProcedureView;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.domain.DocumentForm;
import vn.dossierpost.web.Page;

/** The procedure search ({@code /counter/thu-tuc?q=}). */
public final class ProcedureSearchPage extends Page {
    public record Found(ProcedureView procedure, ProcedureFees fees) {
        public String formLabel(String form) {
            return DocumentForm.valueOf(form).labelVi();
        }
    }

    private final String query;
    private final List<Found> found;
    private final int matching;

    ProcedureSearchPage(WebSession session, String query, List<Found> found, int matching) {
        super("counter/procedures.ftlh", "Thủ tục hành chính");
        signedIn(session);
        this.query = query;
        this.found = found;
        this.matching = matching;
    }

    /** How many procedures match, of which {@link #getFound} are shown. */
    public int getMatching() {
        return matching;
    }

    public String getQuery() {
        return query;
    }

    public List<Found> getFound() {
        return found;
    }
}
