package vn.dossierpost.resources;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import vn.dossierpost.api.agency.AgencyEventRequest;
import vn.dossierpost.api.agency.AgencySyncPage;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.handover.AgencyEventService;
import vn.dossierpost.service.Problem;

/**
 * Agencies' systems report what became of the dossiers handed to them, and read back the state of
 * those dossiers to keep their own records in step (bearer token of an AGENCY user).
 */
@Path("/api/agency")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class AgencyEventResource {
    private final AgencyEventService events;

    public AgencyEventResource(AgencyEventService events) {
        this.events = events;
    }

    /** The agency's dossiers changed since a moment, oldest change first: {@code next} gives where to go on from. */
    @GET
    @Path("/dossiers")
    @RolesAllowed("AGENCY")
    public AgencySyncPage dossiers(@Auth User agency, @QueryParam("since") String since,
                                   @QueryParam("afterId") @DefaultValue("0") long afterId,
                                   @QueryParam("limit") @DefaultValue("200") int limit) {
        OffsetDateTime from;
        try {
            from = since == null ? null : OffsetDateTime.parse(since);
        } catch (DateTimeParseException e) {
            throw Problem.invalid("since", "must be an ISO-8601 time with offset, e.g. 2026-11-22T08:00:00+07:00");
        }
        return events.changedSince(agency, from, afterId, limit);
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
