package vn.dossierpost.web.counter;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import vn.dossierpost.domain.Role;
import vn.dossierpost.http.PersonalData;
import vn.dossierpost.service.counter.SlipService;
import vn.dossierpost.web.Staff;

/** The consignment slip of a dossier for the signed-in clerk, opened in the browser ready to print. */
@Path("/counter/ho-so/{code}/phieu.pdf")
public class SlipPages {
    private final SlipService slips;

    public SlipPages(SlipService slips) {
        this.slips = slips;
    }

    @PersonalData("SLIP")
    @GET
    @Produces("application/pdf")
    public Response slip(@Context ContainerRequestContext request, @PathParam("code") String code) {
        byte[] pdf = slips.slip(Staff.require(request, Role.COUNTER).user(), code);
        return Response.ok(pdf, "application/pdf")
                .header(
                        "Content-Disposition",
                        "inline; filename=\"phieu-gui-" + code.replaceAll("[^A-Za-z0-9.-]", "") + ".pdf\"")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
