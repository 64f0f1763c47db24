package vn.dossierpost.resources;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.dossierpost.api.ErrorResponse;
import vn.dossierpost.http.RateLimiter;
import vn.dossierpost.service.dossier.TrackingService;

/**
 * Public and free (TT 17/2017 Art. 12): no credentials, limited per client so it cannot be scraped.
 * The answer carries an ETag; a client sending it back in If-None-Match gets 304 while the dossier is
 * unchanged (still counted by the limit). "no-cache": a browser may keep it but asks again each time.
 */
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
        TrackingService.Answer answer = tracking.answer(reference);
        EntityTag tag = new EntityTag(answer.etag());
        Response.ResponseBuilder response = matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), tag)
                ? Response.notModified()
                : Response.ok(answer.json(), MediaType.APPLICATION_JSON + ";charset=UTF-8");
        return response.tag(tag).header("Cache-Control", "no-cache").build();
    }

    /** If-None-Match (RFC 9110 13.1.2): "*" or a list of tags, weak or strong, compared weakly. */
    static boolean matches(String ifNoneMatch, EntityTag tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String t = candidate.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || t.equals("\"" + tag.getValue() + "\"")) {
                return true;
            }
        }
        return false;
    }
}
