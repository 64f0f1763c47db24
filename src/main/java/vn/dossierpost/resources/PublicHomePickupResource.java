package vn.dossierpost.resources;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.dossierpost.api.ErrorResponse;
import vn.dossierpost.api.HomePickupRequest;
import vn.dossierpost.api.PublicBooking;
import vn.dossierpost.http.RateLimiter;
import vn.dossierpost.service.homepickup.HomePickups;

/**
 * A citizen books a home pickup without signing in (as POST /api/home-pickups). Limited per client
 * address, as tracking is, and more tightly: each booking sends an SMS.
 */
@Path("/api/public/home-pickups")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class PublicHomePickupResource {
    private final HomePickups pickups;
    private final RateLimiter limiter;

    public PublicHomePickupResource(HomePickups pickups, RateLimiter limiter) {
        this.pickups = pickups;
        this.limiter = limiter;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response book(HomePickupRequest body, @Context HttpServletRequest request) {
        if (!limiter.tryAcquire(request)) {
            return Response.status(429)
                    .header("Retry-After", limiter.retryAfterSeconds())
                    .entity(ErrorResponse.of(429, "too many bookings from this address; try again in a moment"))
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }
        return Response.status(201)
                .entity(PublicBooking.of(pickups.book(null, body)))
                .build();
    }
}
