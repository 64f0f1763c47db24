package vn.dossierpost.resources;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.dossierpost.api.ErrorResponse;
import vn.dossierpost.api.TrackingView;
import vn.dossierpost.http.RateLimiter;
import vn.dossierpost.service.dossier.TrackingService;

/** Public and free (TT 17/2017 Art. 12): no credentials, limited per client so it cannot be scraped. */
@Path("/api/track")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class TrackingResource {
    private final TrackingService tracking;
    private final RateLimiter limiter;

    public TrackingResource(TrackingService tracking, RateLimiter limiter) {
        this.tracking = tracking;
        this.limiter = limiter;
    }

    @GET
    @Path("/{reference}")
    public Response track(@PathParam("reference") String reference, @Context HttpServletRequest request) {
        if (!limiter.tryAcquire(request)) {
            return Response.status(429)
                    .header("Retry-After", limiter.retryAfterSeconds())
                    .entity(ErrorResponse.of(
                            429, "too many tracking requests from this address; try again in a moment"))
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }
        TrackingView view = tracking.track(reference);
        return Response.ok(view).header("Cache-Control", "no-store").build();
    }
}
