package vn.dossierpost.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
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
import java.net.URI;
import java.util.List;
import vn.dossierpost.api.AgencyChangeView;
import vn.dossierpost.api.AgencyRequest;
import vn.dossierpost.api.AgencySummary;
import vn.dossierpost.api.AgencyView;
import vn.dossierpost.api.PickupOffice;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.catalogue.AgencyService;
import vn.dossierpost.service.catalogue.ReferenceDataCache;

/**
 * Agencies and how they are reached, for administrators. A change takes effect at once: the
 * agency's route is rebuilt from its channel's template.
 */
@Path("/api/agencies")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class AgencyResource {
    private final AgencyService agencies;
    private final ReferenceDataCache referenceData;

    public AgencyResource(AgencyService agencies, ReferenceDataCache referenceData) {
        this.agencies = agencies;
        this.referenceData = referenceData;
    }

    /** The catalogue's agencies, for every member of staff (one resource owns the path: Jersey does not fall back). */
    @GET
    @RolesAllowed({"COUNTER", "COURIER", "AGENCY", "SUPERVISOR", "ADMIN"})
    public List<AgencySummary> list() {
        return referenceData.get().agencySummaries();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({"ADMIN", "SUPERVISOR"})
    public AgencyView get(@PathParam("code") String code) {
        return agencies.get(code);
    }

    /** No {@code @Valid} here nor on a change: the agency service checks the body's shape with the rest, for one answer. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("ADMIN")
    @ApiResponse(
            responseCode = "201",
            description = "Cơ quan đã thêm (the agency added)",
            content = @Content(schema = @Schema(implementation = AgencyView.class)))
    public Response create(@Auth User admin, AgencyRequest request) {
        AgencyView created = agencies.create(admin, request);
        return Response.created(URI.create("/api/agencies/" + created.code()))
                .entity(created)
                .build();
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("ADMIN")
    public AgencyView update(@Auth User admin, @PathParam("code") String code, AgencyRequest request) {
        return agencies.update(admin, code, request);
    }

    /** Who changed the agency, when and how, latest first (secrets only as set or changed). */
    @GET
    @Path("/{code}/changes")
    @RolesAllowed("ADMIN")
    public List<AgencyChangeView> changes(
            @PathParam("code") String code, @QueryParam("limit") @DefaultValue("100") String limit) {
        int n;
        try {
            n = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            n = 0;
        }
        return agencies.changes(code, n);
    }

    /** The office whose clerks collect this agency's results (QĐ 45/2016 Art. 9). */
    @GET
    @Path("/{code}/pickup-office")
    @RolesAllowed({"COUNTER", "SUPERVISOR", "ADMIN"})
    public PickupOffice pickupOffice(@PathParam("code") String code) {
        return agencies.pickupOffice(code);
    }

    @PUT
    @Path("/{code}/pickup-office")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("ADMIN")
    public PickupOffice setPickupOffice(@Auth User admin, @PathParam("code") String code, PickupOffice request) {
        return agencies.setPickupOffice(admin, code, request == null ? null : request.officeCode());
    }
}
