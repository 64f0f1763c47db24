package vn.dossierpost.resources;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.dossierpost.api.AgencyEventRequest;
import vn.dossierpost.auth.User;
import vn.dossierpost.service.AgencyEventService;

/** Agencies' systems report what became of the dossiers handed to them (bearer token of an AGENCY user). */
@Path("/api/agency")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class AgencyEventResource {
    private final AgencyEventService events;

    public AgencyEventResource(AgencyEventService events) {
        this.events = events;
    }

    /** 200 applied or stale (kept on the timeline, nothing changed), 404 not this agency's, 409 contradicts the dossier. */
    @POST
    @Path("/events")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("AGENCY")
    public Response event(@Auth User agency, AgencyEventRequest event) {
        AgencyEventService.Answer answer = events.apply(agency, event, "HTTP");
        return Response.status(answer.status()).entity(answer.body()).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build();
    }
}
