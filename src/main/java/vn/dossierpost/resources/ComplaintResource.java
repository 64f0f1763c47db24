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
import vn.dossierpost.api.ComplaintAnswer;
import vn.dossierpost.api.ComplaintRequest;
import vn.dossierpost.api.ComplaintView;
import vn.dossierpost.api.WithdrawRequest;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.supervision.Complaints;

/** The complaints register: recorded at the counter or by a supervisor, investigated and answered by a supervisor. */
@Path("/api/complaints")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class ComplaintResource {
    private final Complaints complaints;

    public ComplaintResource(Complaints complaints) {
        this.complaints = complaints;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"COUNTER", "SUPERVISOR", "ADMIN"})
    public Response record(@Auth User user, ComplaintRequest request) {
        return Response.status(201).entity(complaints.record(user, request)).build();
    }

    /** {@code ?state=RECEIVED|INVESTIGATING|ANSWERED|WITHDRAWN}, {@code ?overdue=true}: open ones past their day. */
    @GET
    @RolesAllowed({"COUNTER", "SUPERVISOR", "ADMIN"})
    public List<ComplaintView> list(
            @Auth User user,
            @QueryParam("state") String state,
            @QueryParam("overdue") @DefaultValue("false") boolean overdue) {
        return complaints.list(user, state, overdue);
    }

    @GET
    @Path("/{number}")
    @RolesAllowed({"COUNTER", "SUPERVISOR", "ADMIN"})
    public ComplaintView get(@Auth User user, @PathParam("number") String number) {
        return complaints.view(user, number);
    }

    @POST
    @Path("/{number}/investigation")
    @RolesAllowed({"SUPERVISOR", "ADMIN"})
    public ComplaintView investigate(@Auth User user, @PathParam("number") String number) {
        return complaints.investigate(user, number);
    }

    @POST
    @Path("/{number}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"SUPERVISOR", "ADMIN"})
    public ComplaintView answer(@Auth User user, @PathParam("number") String number, ComplaintAnswer body) {
        return complaints.answer(user, number, body == null ? null : body.answer());
    }

    @POST
    @Path("/{number}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"COUNTER", "SUPERVISOR", "ADMIN"})
    public ComplaintView withdraw(@Auth User user, @PathParam("number") String number, WithdrawRequest body) {
        return complaints.withdraw(user, number, body == null ? null : body.reason());
    }
}
