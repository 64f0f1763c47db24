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
import jakarta.ws.rs.core.Response;
import vn.dossierpost.api.HandoverView;
import vn.dossierpost.domain.User;
import vn.dossierpost.http.PersonalData;
import vn.dossierpost.service.handover.HandoverQueries;
import vn.dossierpost.service.handover.HandoverService;

/**
 * Handovers to agencies: supervisors watch them and resend dead letters ({@code ?state=FAILED});
 * an agency sees its own, with the handover record to sign. Counter clerks have none of it: a
 * handover is an agency's batch of every office's dossiers (SECURITY.md), and a clerk follows their
 * own dossiers' hand-over on the dossier and its timeline.
 */
@Path("/api/handovers")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class HandoverResource {
    private final HandoverService handovers;
    private final HandoverQueries queries;

    public HandoverResource(HandoverService handovers, HandoverQueries queries) {
        this.handovers = handovers;
        this.queries = queries;
    }

    @PersonalData("HANDOVER_LIST")
    @GET
    @RolesAllowed({"AGENCY", "SUPERVISOR", "ADMIN"})
    public HandoverView.Page list(
            @Auth User user,
            @QueryParam("state") String state,
            @QueryParam("agency") String agency,
            @QueryParam("before") Long before,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return queries.list(user, state, agency, before, limit);
    }

    @PersonalData("HANDOVER")
    @GET
    @Path("/{no}")
    @RolesAllowed({"AGENCY", "SUPERVISOR", "ADMIN"})
    public HandoverView get(@Auth User user, @PathParam("no") String no) {
        return queries.get(user, no);
    }

    @PersonalData("HANDOVER_RECORD")
    @GET
    @Path("/{no}/record.pdf")
    @Produces("application/pdf")
    @RolesAllowed({"AGENCY", "SUPERVISOR", "ADMIN"})
    public Response record(@Auth User user, @PathParam("no") String no) {
        return PdfResponse.of(queries.recordPdf(user, no), "bien-ban-giao-nhan-" + no + ".pdf");
    }

    @POST
    @Path("/{no}/retry")
    @RolesAllowed({"SUPERVISOR", "ADMIN"})
    public HandoverView retry(@Auth User user, @PathParam("no") String no) {
        return handovers.retry(user, no);
    }
}
