package vn.dossierpost.service.catalogue;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.db.AgencyDAO;
import vn.dossierpost.domain.AgencyChannel;

/**
 * Every agency's channel as it is in the database now (not through the reference data's cache): the
 * agency routes are rebuilt from this right after an administrator's change, and a node must see
 * another node's change on its next sync.
 */
public final class AgencyChannels {
    private final Jdbi jdbi;

    public AgencyChannels(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** All agencies, active or not, by code. */
    public List<AgencyChannel> all() {
        return jdbi.withExtension(AgencyDAO.class, AgencyDAO::channels);
    }

    /** One agency's channel as it is now (its secret checks the signatures of the files it leaves). */
    public Optional<AgencyChannel> channel(String code) {
        return jdbi.withExtension(AgencyDAO.class, dao -> dao.channel(code));
    }
}
