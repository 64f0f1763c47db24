package vn.dossierpost.resources;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import vn.dossierpost.api.DossierView;
import vn.dossierpost.api.HomePickupFailure;
import vn.dossierpost.api.HomePickupView;
import vn.dossierpost.api.IntakeRequest;
import vn.dossierpost.domain.User;
import vn.dossierpost.http.Dates;
import vn.dossierpost.http.PersonalData;
import vn.dossierpost.service.homepickup.HomePickupVisits;
import vn.dossierpost.service.homepickup.HomePickups;

/** The courier's home pickups: the day's visits, the dossier received at the door, a visit nobody answered. */
@Path("/api/couriers/me/home-pickups")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class CourierHomePickupResource {
    private final HomePickups pickups;
    private final HomePickupVisits visits;

    public CourierHomePickupResource(HomePickups pickups, HomePickupVisits visits) {
        this.pickups = pickups;
        this.visits = visits;
    }

    @PersonalData("HOME_PICKUP_LIST")
    @GET
    @RolesAllowed("COURIER")
    public List<HomePickupView> list(@Auth User courier, @QueryParam("date") String date) {
        return pickups.ofCourier(courier, Dates.parse(date, "date"));
    }

    /** The body is an intake request (as POST /api/dossiers); what the booking says may be left out. */
    @POST
    @Path("/{booking}/intake")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("COURIER")
    public Response receive(@Auth User courier, @PathParam("booking") String code, IntakeRequest request) {
        DossierView view = visits.receive(courier, code, request);
        return Response.created(UriBuilder.fromPath("/api/dossiers/{code}").build(view.code()))
                .entity(view)
                .build();
    }

    @POST
    @Path("/{booking}/failed")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("COURIER")
    public HomePickupView failed(@Auth User courier, @PathParam("booking") String code, HomePickupFailure failure) {
        return visits.failed(courier, code, failure);
    }
}
