package vn.dossierpost.resources;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import vn.dossierpost.api.CommuneView;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.catalogue.ReferenceDataCache;

/**
 * The communes (3,321 since 2025-07-01) by name, with or without diacritics ("hoan kiem", "Hoàn
 * Kiếm"), those whose name starts with the words first: public, for any form that asks for an address
 * (the counter's intake, a citizen booking a pickup). Names and codes are public data.
 */
@Path("/api/communes")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class CommuneResource {
    static final int MAX_LIMIT = 50;

    private final ReferenceDataCache referenceData;

    public CommuneResource(ReferenceDataCache referenceData) {
        this.referenceData = referenceData;
    }

    @GET
    public List<CommuneView> search(@QueryParam("q") String query, @QueryParam("limit") @DefaultValue("20") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Problem.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (query == null || query.isBlank()) {
            throw Problem.invalid("q", "is required: words of the commune's name, e.g. q=hoan kiem");
        }
        if (query.length() > 100) {
            throw Problem.invalid("q", "must be at most 100 characters");
        }
        return referenceData.get().communes(query, limit);
    }
}
