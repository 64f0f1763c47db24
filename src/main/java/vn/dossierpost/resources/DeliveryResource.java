package vn.dossierpost.resources;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import vn.dossierpost.api.AssignmentRequest;
import vn.dossierpost.api.AttemptAnswer;
import vn.dossierpost.api.AttemptRequest;
import vn.dossierpost.api.AttemptView;
import vn.dossierpost.api.DeliveryView;
import vn.dossierpost.api.ReturnRequest;
import vn.dossierpost.domain.User;
import vn.dossierpost.http.PersonalData;
import vn.dossierpost.service.returnleg.DeliveryAttempts;
import vn.dossierpost.service.returnleg.DeliveryQueries;
import vn.dossierpost.service.returnleg.DeliveryService;
import vn.dossierpost.service.returnleg.PickupService;

/**
 * Return items by their S10 number: the delivering office's list, arrival there, couriers, attempts
 * (from couriers' phones, and the hand-over at the counter), the return to the agency, the slip.
 */
@Path("/api/deliveries")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class DeliveryResource {
    private final DeliveryService deliveries;
    private final DeliveryQueries queries;
    private final DeliveryAttempts attempts;
    private final PickupService pickups;

    public DeliveryResource(
            DeliveryService deliveries, DeliveryQueries queries, DeliveryAttempts attempts, PickupService pickups) {
        this.deliveries = deliveries;
        this.queries = queries;
        this.attempts = attempts;
        this.pickups = pickups;
    }

    @PersonalData("DELIVERY_LIST")
    @GET
    @RolesAllowed({"COUNTER", "SUPERVISOR", "ADMIN"})
    public List<DeliveryView> list(
            @Auth User user,
            @QueryParam("office") String office,
            @QueryParam("status") String status,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return queries.ofOffice(user, office, status, limit);
    }

    @PersonalData("DELIVERY")
    @GET
    @Path("/{s10}")
    @RolesAllowed({"COUNTER", "COURIER", "SUPERVISOR", "ADMIN"})
    public DeliveryView get(@Auth User user, @PathParam("s10") String s10) {
        return queries.view(user, s10);
    }

    @PersonalData("DELIVERY_SLIP")
    @GET
    @Path("/{s10}/slip.pdf")
    @Produces("application/pdf")
    @RolesAllowed({"COUNTER", "COURIER", "SUPERVISOR", "ADMIN"})
    public Response slip(@Auth User user, @PathParam("s10") String s10) {
        return PdfResponse.of(pickups.slip(user, s10), "phieu-gui-ket-qua-" + s10 + ".pdf");
    }

    @POST
    @Path("/{s10}/arrival")
    @RolesAllowed({"COUNTER", "SUPERVISOR"})
    public DeliveryView arrival(@Auth User clerk, @PathParam("s10") String s10) {
        return deliveries.arrive(clerk, s10);
    }

    @PUT
    @Path("/{s10}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"COUNTER", "SUPERVISOR"})
    public DeliveryView assign(
            @Auth User user,
            @PathParam("s10") String s10,
            @NotNull(message = "a courier (JSON object) is required") @Valid AssignmentRequest request) {
        return deliveries.assign(user, s10, request.courier());
    }

    /** Safe to resend: the same {@code clientAttemptId} gets the first answer again. */
    @POST
    @Path("/{s10}/attempts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"COURIER", "COUNTER", "SUPERVISOR"})
    public AttemptAnswer attempt(
            @Auth User user,
            @PathParam("s10") String s10,
            @NotNull(message = "an attempt (JSON object) is required") @Valid AttemptRequest request) {
        return attempts.attempt(user, s10, request);
    }

    @PersonalData("ATTEMPTS")
    @GET
    @Path("/{s10}/attempts")
    @RolesAllowed({"COUNTER", "SUPERVISOR", "ADMIN"})
    public List<AttemptView> attempts(@Auth User user, @PathParam("s10") String s10) {
        return queries.attempts(user, s10);
    }

    @PersonalData("PROOF")
    @GET
    @Path("/{s10}/attempts/{id}/proof")
    @Produces({"image/png", "image/jpeg"})
    @RolesAllowed({"COUNTER", "SUPERVISOR", "ADMIN"})
    public Response proof(@Auth User user, @PathParam("s10") String s10, @PathParam("id") long id) {
        DeliveryQueries.ProofImage image = queries.proof(user, s10, id);
        return Response.ok(image.content(), image.mediaType()).build();
    }

    @POST
    @Path("/{s10}/return")
    @RolesAllowed({"COUNTER", "SUPERVISOR"})
    public DeliveryView returnToAgency(@Auth User clerk, @PathParam("s10") String s10, @Valid ReturnRequest request) {
        return deliveries.returnToAgency(clerk, s10, request == null ? null : request.note());
    }
}
