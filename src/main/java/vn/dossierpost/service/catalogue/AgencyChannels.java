package vn.dossierpost.service.catalogue;

import java.util.List;
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
}
