package vn.dossierpost.web.supervisor;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import vn.dossierpost.api.FieldProblem;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.domain.Role;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.supervision.PeriodicReports;
import vn.dossierpost.web.Staff;

/**
 * The periodic reports (as {@code GET /api/reports/{kind}}) on a page, the current quarter of the
 * service report unless chosen, with links to the same report as XLSX and PDF; a kind or period the
 * report refuses is shown on the form with the reason (422).
 */
@Path("/supervisor/bao-cao")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class ReportPages {
    private final PeriodicReports reports;
    private final Clock clock;
    private final ZoneId zone;

    public ReportPages(PeriodicReports reports, Clock clock, ZoneId zone) {
        this.reports = reports;
        this.clock = clock;
        this.zone = zone;
    }

    @GET
    public Response show(
            @Context ContainerRequestContext request,
            @QueryParam("kind") String kind,
            @QueryParam("period") String period,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        WebSession session = Staff.require(request, Role.SUPERVISOR, Role.ADMIN);
        String kindText = kind == null || kind.isBlank() ? "service" : kind;
        boolean chosen = !blank(period) || !blank(from) || !blank(to);
        String periodText = chosen ? period : thisQuarter();
        ReportPage.Form form = new ReportPage.Form(kindText, periodText, from, to);
        try {
            return Response.ok(ReportPage.of(
                            session,
                            form,
                            reports.report(session.user().officeScope(), kindText, periodText, from, to)))
                    .build();
        } catch (Problem p) {
            if (p.status() != 422) {
                throw p;
            }
            FieldProblem field = p.problems().get(0);
            return Response.status(422)
                    .entity(ReportPage.refused(session, form, field.field(), field.message()))
                    .build();
        }
    }

    private String thisQuarter() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
