package vn.dossierpost.resources;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import vn.dossierpost.api.DossierView;
import vn.dossierpost.api.SupplementRequest;
import vn.dossierpost.auth.User;
import vn.dossierpost.service.DigitisationService;

/**
 * The supplement an agency asked for (form 02), taken at the counter: the clerk scans the documents
 * ({@code PUT .../components/{componentCode}/files}, accepted while the dossier is SUPPLEMENT_REQUESTED)
 * and then completes the supplement here, which sends the dossier back to the agency.
 */
@Path("/api/dossiers/{code}/supplements")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class SupplementResource {
    private final DigitisationService digitisation;

    public SupplementResource(DigitisationService digitisation) {
        this.digitisation = digitisation;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("COUNTER")
    public DossierView complete(@Auth User clerk, @PathParam("code") String code, SupplementRequest request) {
        return digitisation.completeSupplement(clerk, code, request == null ? null : request.note());
    }
}
