package vn.dossierpost.resources;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import vn.dossierpost.api.ProcedureView;
import vn.dossierpost.db.CatalogueDAO.OfficeRow;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.catalogue.ReferenceData;
import vn.dossierpost.service.catalogue.ReferenceDataCache;

/** The catalogue as the counter uses it: procedures with their document lists, offices (agencies: {@link AgencyResource}). */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@RolesAllowed({"COUNTER", "COURIER", "AGENCY", "SUPERVISOR", "ADMIN"})
public class CatalogueResource {
    private final ReferenceDataCache referenceData;

    public CatalogueResource(ReferenceDataCache referenceData) {
        this.referenceData = referenceData;
    }

    @GET
    @Path("/procedures")
    public List<ProcedureView> procedures() {
        ReferenceData ref = referenceData.get();
        return ref.procedures().values().stream().map(p -> ProcedureView.of(p, ref)).toList();
    }

    @GET
    @Path("/procedures/{code}")
    public ProcedureView procedure(@PathParam("code") String code) {
        ReferenceData ref = referenceData.get();
        return ref.procedure(code).map(p -> ProcedureView.of(p, ref))
                .orElseThrow(() -> Problem.notFound("no procedure with code " + code));
    }

    @GET
    @Path("/offices")
    public List<OfficeRow> offices() {
        return List.copyOf(referenceData.get().offices().values());
    }
}
