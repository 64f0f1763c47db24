package vn.dossierpost.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.dossierpost.api.RemittanceRequest;
import vn.dossierpost.api.RemittanceView;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.payment.Remittances;

/** The government fees collected for an agency over {@code ?agency=&from=&to=} (days, both included). */
@Path("/api/remittances")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class RemittanceResource {
    private final Remittances remittances;

    public RemittanceResource(Remittances remittances) {
        this.remittances = remittances;
    }

    @GET
    @RolesAllowed({"SUPERVISOR", "ADMIN"})
    public RemittanceView get(
            @Auth User user,
            @QueryParam("agency") String agency,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return remittances.statement(user, agency, from, to);
    }

    @GET
    @Path("/statement.pdf")
    @Produces("application/pdf")
    @RolesAllowed({"SUPERVISOR", "ADMIN"})
    public Response pdf(
            @Auth User user,
            @QueryParam("agency") String agency,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return PdfResponse.of(remittances.statementPdf(user, agency, from, to), "bang-ke-nop-le-phi.pdf");
    }

    /** UTF-8 with BOM, ';'-separated. */
    @GET
    @Path("/statement.csv")
    @Produces("text/csv")
    @RolesAllowed({"SUPERVISOR", "ADMIN"})
    public Response csv(
            @Auth User user,
            @QueryParam("agency") String agency,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return Response.ok(remittances.statementCsv(user, agency, from, to), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"bang-ke-nop-le-phi.csv\"")
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"SUPERVISOR", "ADMIN"})
    @ApiResponse(
            responseCode = "201",
            description = "Bảng kê đã đánh dấu nộp (the statement remitted)",
            content = @Content(schema = @Schema(implementation = RemittanceView.class)))
    public Response remit(@Auth User user, RemittanceRequest request) {
        return Response.status(201).entity(remittances.remit(user, request)).build();
    }
}
