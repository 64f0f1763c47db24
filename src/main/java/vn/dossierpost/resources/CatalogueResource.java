package vn.dossierpost.resources;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import vn.dossierpost.api.OfficeView;
import vn.dossierpost.api.ProcedureView;
import vn.dossierpost.service.Problem;
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
        return referenceData.get().procedureViews();
    }

    @GET
    @Path("/procedures/{code}")
    public ProcedureView procedure(@PathParam("code") String code) {
        return referenceData
                .get()
                .procedureView(code)
                .orElseThrow(() -> Problem.notFound("no procedure with code " + code));
    }

    @GET
    @Path("/offices")
    public List<OfficeView> offices() {
        return referenceData.get().officeViews();
    }
}
