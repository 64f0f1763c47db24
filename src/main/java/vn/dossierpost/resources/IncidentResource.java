package vn.dossierpost.resources;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import vn.dossierpost.api.IncidentRequest;
import vn.dossierpost.api.IncidentView;
import vn.dossierpost.api.InvestigationNote;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.supervision.Incidents;

/** Items lost or damaged by the post, with the compensation owed and its 30-day clock. */
@Path("/api/incidents")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class IncidentResource {
    private final Incidents incidents;

    public IncidentResource(Incidents incidents) {
        this.incidents = incidents;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"COUNTER", "SUPERVISOR", "ADMIN"})
    public Response record(@Auth User user, IncidentRequest request) {
        return Response.status(201).entity(incidents.record(user, request)).build();
    }

    /** {@code ?overdue=true}: compensation not paid by its day. */
    @GET
    @RolesAllowed({"COUNTER", "SUPERVISOR", "ADMIN"})
    public List<IncidentView> list(@Auth User user, @QueryParam("overdue") @DefaultValue("false") boolean overdue) {
        return incidents.list(user, overdue);
    }

    @GET
    @Path("/{number}")
    @RolesAllowed({"COUNTER", "SUPERVISOR", "ADMIN"})
    public IncidentView get(@Auth User user, @PathParam("number") String number) {
        return incidents.view(user, number);
    }

    @POST
    @Path("/{number}/investigation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"SUPERVISOR", "ADMIN"})
    public IncidentView investigation(@Auth User user, @PathParam("number") String number, InvestigationNote note) {
        return incidents.investigation(user, number, note == null ? null : note.text());
    }

    @POST
    @Path("/{number}/payment")
    @RolesAllowed({"SUPERVISOR", "ADMIN"})
    public IncidentView paid(@Auth User user, @PathParam("number") String number) {
        return incidents.paid(user, number);
    }
}
