package vn.dossierpost.web.admin;

import java.util.List;
import vn.dossierpost.api.AgencyView;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.web.Page;

/** Every agency with its channel, its route's state and why sending to it fails, if it does. */
public final class AgencyListPage extends Page {
    private final List<AgencyView> agencies;

    AgencyListPage(WebSession session, List<AgencyView> agencies) {
        super("admin/agencies.ftlh", "Cơ quan");
        signedIn(session);
        this.agencies = agencies;
    }

    public List<AgencyView> getAgencies() {
        return agencies;
    }
}
