package vn.dossierpost.resources;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.dossierpost.api.S10SeriesRequest;
import vn.dossierpost.api.S10SeriesView;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.counter.S10Series;

/** The S10 series of the post offices: what is left of each, and a new one loaded by an administrator. */
@Path("/api/s10-series")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class S10SeriesResource {
    private final S10Series series;

    public S10SeriesResource(S10Series series) {
        this.series = series;
    }

    @GET
    @RolesAllowed({"SUPERVISOR", "ADMIN"})
    public S10SeriesView list() {
        return series.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("ADMIN")
    public Response load(@Auth User user, S10SeriesRequest request) {
        return Response.status(201).entity(series.load(user, request)).build();
    }
}
