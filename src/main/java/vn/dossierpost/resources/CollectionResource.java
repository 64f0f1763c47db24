package vn.dossierpost.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import vn.dossierpost.api.CollectionRequest;
import vn.dossierpost.api.DeliveryView;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.returnleg.PickupService;

/** The clerk took the result over at the agency: 201 with the return item (its S10 number and slip). */
@Path("/api/dossiers/{code}/collection")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class CollectionResource {
    private final PickupService pickups;

    public CollectionResource(PickupService pickups) {
        this.pickups = pickups;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"COUNTER"})
    @ApiResponse(
            responseCode = "201",
            description = "Bưu gửi trả kết quả đã lập (the return item)",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    public Response collect(
            @Auth User clerk,
            @PathParam("code") String code,
            @NotNull(message = "the collection (JSON object) is required") @Valid CollectionRequest request) {
        DeliveryView item = pickups.collect(clerk, code, request);
        return Response.created(UriBuilder.fromPath("/api/deliveries/{s10}").build(item.s10Number()))
                .entity(item)
                .build();
    }
}
