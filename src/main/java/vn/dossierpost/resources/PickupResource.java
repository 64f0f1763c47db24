package vn.dossierpost.resources;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import vn.dossierpost.api.PickupView;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.returnleg.PickupService;

/** Results waiting to be collected at agencies, for the office that collects them. */
@Path("/api/pickups")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class PickupResource {
    private final PickupService pickups;

    public PickupResource(PickupService pickups) {
        this.pickups = pickups;
    }

    @GET
    @RolesAllowed({"COUNTER", "SUPERVISOR", "ADMIN"})
    public List<PickupView> open(
            @Auth User user, @QueryParam("office") String office, @QueryParam("limit") @DefaultValue("100") int limit) {
        return pickups.open(user, office, limit);
    }
}
