package vn.dossierpost.resources;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import vn.dossierpost.api.DigitisationReportView;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.counter.DigitisationReport;

/** Reports for supervisors. */
@Path("/api/reports")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class ReportResource {
    private final DigitisationReport digitisation;

    public ReportResource(DigitisationReport digitisation) {
        this.digitisation = digitisation;
    }

    /** {@code ?from=YYYY-MM-DD&to=YYYY-MM-DD}: per office and day, dossiers received, digitised, and the rate. */
    @GET
    @Path("/digitisation")
    @RolesAllowed({"SUPERVISOR", "ADMIN"})
    public DigitisationReportView digitisation(
            @Auth User user, @QueryParam("from") String from, @QueryParam("to") String to) {
        return digitisation.report(user, from, to);
    }
}
