package vn.dossierpost.resources;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.dossierpost.api.ErrorResponse;
import vn.dossierpost.api.agency.AgencyEventRequest;
import vn.dossierpost.api.agency.AgencySyncPage;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.User;
import vn.dossierpost.http.PersonalData;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.handover.AgencyEventOutcome;
import vn.dossierpost.service.handover.AgencyEventService;

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
    @PersonalData("DOSSIER_LIST")
    @GET
    @Path("/dossiers")
    @RolesAllowed("AGENCY")
    public AgencySyncPage dossiers(
            @Auth User agency,
            @QueryParam("since") String since,
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
    public Response event(@Auth User agency, @Valid AgencyEventRequest event) {
        AgencyEventOutcome outcome = events.apply(agency, event, "HTTP");
        if (outcome instanceof AgencyEventOutcome.Applied a) {
            return ok(a.eventId(), a.dossierCode(), "APPLIED", a.status(), null);
        }
        if (outcome instanceof AgencyEventOutcome.Stale s) {
            return ok(s.eventId(), s.dossierCode(), "STALE", s.status(), s.reason());
        }
        if (outcome instanceof AgencyEventOutcome.Conflict c) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("currentStatus", c.currentStatus());
            details.put("allowedNext", c.allowedNext());
            return json(Response.Status.CONFLICT, new ErrorResponse(409, c.message(), null, List.of(), details));
        }
        AgencyEventOutcome.NotFound n = (AgencyEventOutcome.NotFound) outcome;
        return json(Response.Status.NOT_FOUND, new ErrorResponse(404, n.message(), "dossierCode", List.of(), Map.of()));
    }

    private static Response ok(
            String eventId, String dossierCode, String outcome, DossierStatus status, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", eventId);
        body.put("dossierCode", dossierCode);
        body.put("outcome", outcome);
        body.put("status", status);
        body.put("portalStatus", status.portalStatus());
        if (reason != null) {
            body.put("reason", reason);
        }
        return json(Response.Status.OK, body);
    }

    private static Response json(Response.Status status, Object body) {
        return Response.status(status)
                .entity(body)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .build();
    }
}
