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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import vn.dossierpost.api.CourierCommunes;
import vn.dossierpost.api.ReconciliationView;
import vn.dossierpost.domain.User;
import vn.dossierpost.http.Dates;
import vn.dossierpost.service.returnleg.CourierService;

/** An office's couriers, for its clerks and supervisors: who covers which commune, and the day's cash. */
@Path("/api/couriers")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class CouriersResource {
    private final CourierService couriers;

    public CouriersResource(CourierService couriers) {
        this.couriers = couriers;
    }

    @PUT
    @Path("/{username}/communes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"COUNTER", "SUPERVISOR", "ADMIN"})
    public CourierCommunes communes(
            @Auth User user,
            @PathParam("username") String username,
            @NotNull(message = "the communes (JSON object) are required") @Valid CourierCommunes request) {
        return new CourierCommunes(couriers.setCommunes(user, username, request.communes()));
    }

    @GET
    @Path("/reconciliation")
    @RolesAllowed({"SUPERVISOR", "ADMIN"})
    public ReconciliationView reconciliation(
            @Auth User user, @QueryParam("office") String office, @QueryParam("date") String date) {
        return couriers.reconciliation(user, office, Dates.parse(date, "date"));
    }
}
