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
import jakarta.ws.rs.core.Response;
import vn.dossierpost.api.CashDeclaration;
import vn.dossierpost.api.CourierWork;
import vn.dossierpost.domain.User;
import vn.dossierpost.http.Dates;
import vn.dossierpost.http.PersonalData;
import vn.dossierpost.service.returnleg.CourierService;

/** A courier's own day: deliveries to make and the cash handed in. */
@Path("/api/courier")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class CourierResource {
    private final CourierService couriers;

    public CourierResource(CourierService couriers) {
        this.couriers = couriers;
    }

    @PersonalData("DELIVERY_LIST")
    @GET
    @Path("/deliveries")
    @RolesAllowed({"COURIER"})
    public CourierWork deliveries(@Auth User courier, @QueryParam("date") String date) {
        return couriers.work(courier, Dates.parse(date, "date"));
    }

    @PUT
    @Path("/cash/{date}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"COURIER"})
    public Response declare(
            @Auth User courier,
            @PathParam("date") String date,
            @NotNull(message = "the amount (JSON object) is required") @Valid CashDeclaration declaration) {
        couriers.declare(courier, Dates.required(date, "date"), declaration.amount());
        return Response.noContent().build();
    }
}
