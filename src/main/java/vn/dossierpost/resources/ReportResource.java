package vn.dossierpost.resources;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.dossierpost.api.DigitisationReportView;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.counter.DigitisationReport;
import vn.dossierpost.service.supervision.PeriodicReports;

/** Reports for supervisors. */
@Path("/api/reports")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class ReportResource {
    private final DigitisationReport digitisation;
    private final PeriodicReports periodic;

    public ReportResource(DigitisationReport digitisation, PeriodicReports periodic) {
        this.digitisation = digitisation;
        this.periodic = periodic;
    }

    /** {@code ?from=YYYY-MM-DD&to=YYYY-MM-DD}: per office and day, dossiers received, digitised, and the rate. */
    @GET
    @Path("/digitisation")
    @RolesAllowed({"SUPERVISOR", "ADMIN"})
    public DigitisationReportView digitisation(
            @Auth User user, @QueryParam("from") String from, @QueryParam("to") String to) {
        return digitisation.report(user, from, to);
    }

    /**
     * The periodic reports of TT 17/2017 ({@code volumes}, {@code timeliness}, {@code revenue}, and
     * {@code service} with them all): {@code ?period=2026-Q1|2026-H2|2026} or {@code ?from=&to=}, and
     * {@code format=xlsx|pdf} for a file instead of JSON. A supervisor bound to an office gets that
     * office's figures.
     */
    @GET
    @Path("/{kind}")
    @Produces({
        MediaType.APPLICATION_JSON + ";charset=UTF-8",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/pdf"
    })
    @RolesAllowed({"SUPERVISOR", "ADMIN"})
    public Response periodic(
            @Auth User user,
            @PathParam("kind") String kind,
            @QueryParam("period") String period,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("format") String format) {
        if (PeriodicReports.Format.of(format) == PeriodicReports.Format.JSON) {
            return Response.ok(periodic.report(user.officeScope(), kind, period, from, to))
                    .build();
        }
        PeriodicReports.ReportFile file = periodic.file(user.officeScope(), kind, period, from, to, format);
        return Response.ok(file.content(), file.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
                .build();
    }
}
