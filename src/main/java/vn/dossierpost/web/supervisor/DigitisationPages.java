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
import vn.dossierpost.service.counter.DigitisationReport;
import vn.dossierpost.web.Staff;

/**
 * The digitisation report (as {@code GET /api/reports/digitisation}) for a period, the last 30 days
 * unless chosen; a period the report refuses is shown on the form with the reason (422).
 */
@Path("/supervisor/so-hoa")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class DigitisationPages {
    private final DigitisationReport report;
    private final Clock clock;
    private final ZoneId zone;

    public DigitisationPages(DigitisationReport report, Clock clock, ZoneId zone) {
        this.report = report;
        this.clock = clock;
        this.zone = zone;
    }

    @GET
    public Response show(
            @Context ContainerRequestContext request, @QueryParam("from") String from, @QueryParam("to") String to) {
        WebSession session = Staff.require(request, Role.SUPERVISOR, Role.ADMIN);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        String fromText = from == null ? today.minusDays(29).toString() : from;
        String toText = to == null ? today.toString() : to;
        try {
            return Response.ok(DigitisationPage.of(session, report.report(session.user(), fromText, toText)))
                    .build();
        } catch (Problem p) {
            if (p.status() != 422) {
                throw p;
            }
            FieldProblem field = p.problems().isEmpty() ? null : p.problems().get(0);
            return Response.status(422)
                    .entity(DigitisationPage.refused(
                            session,
                            fromText,
                            toText,
                            field == null ? "from" : field.field(),
                            field == null ? p.getMessage() : field.message()))
                    .build();
        }
    }
}
