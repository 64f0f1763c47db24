package vn.dossierpost.resources;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import vn.dossierpost.api.OfficeCommunes;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.catalogue.OfficeCommuneService;

/** The communes a post office serves (results delivered to an address there go through it). */
@Path("/api/offices/{code}/communes")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class OfficeCommuneResource {
    private final OfficeCommuneService communes;

    public OfficeCommuneResource(OfficeCommuneService communes) {
        this.communes = communes;
    }

    @GET
    @RolesAllowed({"COUNTER", "COURIER", "AGENCY", "SUPERVISOR", "ADMIN"})
    public OfficeCommunes.Served get(@PathParam("code") String code) {
        return communes.get(code);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("ADMIN")
    public OfficeCommunes.Served put(
            @Auth User user,
            @PathParam("code") String code,
            @NotNull(message = "the communes (JSON object) are required") @Valid OfficeCommunes request) {
        return communes.replace(user, code, request);
    }
}
