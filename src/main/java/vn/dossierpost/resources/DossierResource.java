package vn.dossierpost.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import vn.dossierpost.api.CorrectionRequest;
import vn.dossierpost.api.DossierPage;
import vn.dossierpost.api.DossierView;
import vn.dossierpost.api.EventView;
import vn.dossierpost.api.IntakeRequest;
import vn.dossierpost.api.WithdrawRequest;
import vn.dossierpost.domain.User;
import vn.dossierpost.http.PersonalData;
import vn.dossierpost.service.counter.Corrections;
import vn.dossierpost.service.counter.IntakeService;
import vn.dossierpost.service.counter.SlipService;
import vn.dossierpost.service.dossier.DossierService;

@Path("/api/dossiers")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class DossierResource {
    private final IntakeService intake;
    private final DossierService dossiers;
    private final SlipService slips;
    private final Corrections corrections;

    public DossierResource(IntakeService intake, DossierService dossiers, SlipService slips, Corrections corrections) {
        this.intake = intake;
        this.dossiers = dossiers;
        this.slips = slips;
        this.corrections = corrections;
    }

    /** No {@code @Valid}: the intake service checks the body's shape with the catalogue's rules, for one answer listing both. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("COUNTER")
    @ApiResponse(
            responseCode = "201",
            description = "Hồ sơ đã tiếp nhận (the dossier taken in)",
            content = @Content(schema = @Schema(implementation = DossierView.class)))
    public Response takeIn(@Auth User clerk, IntakeRequest request) {
        DossierView view = dossiers.toView(intake.intake(clerk, request));
        return Response.created(UriBuilder.fromPath("/api/dossiers/{code}").build(view.code()))
                .entity(view)
                .build();
    }

    @PersonalData("DOSSIER_LIST")
    @GET
    @RolesAllowed({"COUNTER", "AGENCY", "SUPERVISOR", "ADMIN", "COURIER"})
    public DossierPage list(
            @Auth User user,
            @QueryParam("status") String status,
            @QueryParam("agency") String agency,
            @QueryParam("office") String office,
            @QueryParam("overdue") @DefaultValue("false") boolean overdue,
            @QueryParam("before") Long before,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return dossiers.list(user, status, agency, office, overdue, before, limit);
    }

    @PersonalData("DOSSIER")
    @GET
    @Path("/{code}")
    @RolesAllowed({"COUNTER", "AGENCY", "SUPERVISOR", "ADMIN", "COURIER"})
    public DossierView get(@Auth User user, @PathParam("code") String code) {
        return dossiers.view(user, code);
    }

    /**
     * A typo in the applicant's contact details or the delivery address, corrected before handover
     * (409 after). No {@code @Valid}: the service reports the shape and the rest in one answer.
     */
    @PATCH
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"COUNTER", "SUPERVISOR"})
    public DossierView correct(@Auth User user, @PathParam("code") String code, CorrectionRequest request) {
        return corrections.correct(user, code, request);
    }

    @PersonalData("TIMELINE")
    @GET
    @Path("/{code}/events")
    @RolesAllowed({"COUNTER", "AGENCY", "SUPERVISOR", "ADMIN", "COURIER"})
    public List<EventView> events(@Auth User user, @PathParam("code") String code) {
        return dossiers.events(user, code);
    }

    @PersonalData("SLIP")
    @GET
    @Path("/{code}/slip.pdf")
    @Produces("application/pdf")
    @RolesAllowed({"COUNTER", "SUPERVISOR", "ADMIN"})
    public Response slip(@Auth User user, @PathParam("code") String code) {
        return PdfResponse.of(slips.slip(user, code), "phieu-gui-" + code + ".pdf");
    }

    @POST
    @Path("/{code}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("COUNTER")
    public DossierView withdraw(@Auth User clerk, @PathParam("code") String code, @Valid WithdrawRequest request) {
        return dossiers.withdraw(clerk, code, request == null ? null : request.reason());
    }
}
