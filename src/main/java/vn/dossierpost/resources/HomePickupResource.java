package vn.dossierpost.resources;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import vn.dossierpost.api.HomePickupRequest;
import vn.dossierpost.api.HomePickupView;
import vn.dossierpost.domain.User;
import vn.dossierpost.http.PersonalData;
import vn.dossierpost.service.homepickup.HomePickups;

/** Home pickup bookings made at the counter (the applicant phones or calls in), and reading one. */
@Path("/api/home-pickups")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class HomePickupResource {
    private final HomePickups pickups;

    public HomePickupResource(HomePickups pickups) {
        this.pickups = pickups;
    }

    /** No {@code @Valid}: the service reports the shape and the catalogue's rules in one answer. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("COUNTER")
    public Response book(@Auth User clerk, HomePickupRequest request) {
        HomePickupView view = pickups.book(clerk, request);
        return Response.created(UriBuilder.fromPath("/api/home-pickups/{code}").build(view.code()))
                .entity(view)
                .build();
    }

    @PersonalData("HOME_PICKUP")
    @GET
    @Path("/{booking}")
    @RolesAllowed({"COUNTER", "COURIER", "SUPERVISOR", "ADMIN"})
    public HomePickupView get(@Auth User user, @PathParam("booking") String code) {
        return pickups.get(user, code);
    }
}
