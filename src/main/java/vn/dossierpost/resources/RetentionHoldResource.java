package vn.dossierpost.resources;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.dossierpost.api.RetentionHoldRequest;
import vn.dossierpost.api.RetentionHoldView;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.retention.RetentionHolds;

/** An administrator's legal hold on a dossier, which keeps it out of the retention purge. */
@Path("/api/dossiers/{code}/retention-hold")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class RetentionHoldResource {
    private final RetentionHolds holds;

    public RetentionHoldResource(RetentionHolds holds) {
        this.holds = holds;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("ADMIN")
    public RetentionHoldView hold(
            @Auth User admin, @PathParam("code") String code, @Valid RetentionHoldRequest request) {
        return holds.hold(admin, code, request == null ? null : request.reason());
    }

    @DELETE
    @RolesAllowed("ADMIN")
    public Response release(@Auth User admin, @PathParam("code") String code) {
        holds.release(code);
        return Response.noContent().build();
    }
}
