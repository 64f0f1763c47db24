package vn.dossierpost.resources;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import vn.dossierpost.api.GivenUpView;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.givenup.GivenUpItems;

/** What was given up, for supervisors: the list with last errors, and acknowledging one. */
@Path("/api/given-up")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class GivenUpResource {
    private final GivenUpItems givenUp;

    public GivenUpResource(GivenUpItems givenUp) {
        this.givenUp = givenUp;
    }

    @GET
    @RolesAllowed({"SUPERVISOR", "ADMIN"})
    public GivenUpView.Page list(
            @Auth User user,
            @QueryParam("all") @DefaultValue("false") boolean all,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return new GivenUpView.Page(givenUp.list(user, all, limit));
    }

    @POST
    @Path("/{kind}/{id}/acknowledged")
    @RolesAllowed({"SUPERVISOR", "ADMIN"})
    public GivenUpView acknowledge(@Auth User user, @PathParam("kind") String kind, @PathParam("id") long id) {
        return givenUp.acknowledge(user, kind, id);
    }
}
