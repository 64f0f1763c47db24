package vn.dossierpost.web.supervisor;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.ZoneId;
import java.util.List;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.domain.Role;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.counter.S10Series;
import vn.dossierpost.service.givenup.GivenUpItems;
import vn.dossierpost.service.handover.AcknowledgementDeadline;
import vn.dossierpost.service.handover.HandoverBacklog;
import vn.dossierpost.service.handover.HandoverQueries;
import vn.dossierpost.service.handover.HandoverService;
import vn.dossierpost.web.Flash;
import vn.dossierpost.web.Staff;

/**
 * The supervisor's "needs attention" page ({@link AttentionPage}) and its two buttons: send a
 * handover again (the same as {@code POST /api/handovers/{no}/retry}) and acknowledge a given-up
 * item (as {@code POST /api/given-up/{kind}/{id}/acknowledged}); offices running out of S10 numbers
 * are listed for an administrator to load a series ({@code POST /api/s10-series}). These lists span every post office,
 * so the services let national supervisors and administrators only; an office-bound supervisor gets 403.
 */
@Path("/supervisor/can-xu-ly")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class AttentionPages {
    private static final String HERE = "/supervisor/can-xu-ly";
    private static final int SHOWN = 100;

    private final HandoverService handovers;
    private final HandoverQueries queries;
    private final HandoverBacklog backlog;
    private final AcknowledgementDeadline ackDeadline;
    private final GivenUpItems givenUp;
    private final S10Series s10Series;
    private final ZoneId zone;

    public AttentionPages(
            HandoverService handovers,
            HandoverQueries queries,
            HandoverBacklog backlog,
            AcknowledgementDeadline ackDeadline,
            GivenUpItems givenUp,
            S10Series s10Series,
            ZoneId zone) {
        this.handovers = handovers;
        this.queries = queries;
        this.backlog = backlog;
        this.ackDeadline = ackDeadline;
        this.givenUp = givenUp;
        this.s10Series = s10Series;
        this.zone = zone;
    }

    @GET
    public AttentionPage show(@Context ContainerRequestContext request) {
        return page(Staff.require(request, Role.SUPERVISOR, Role.ADMIN));
    }

    @POST
    @Path("ban-giao/{no}/gui-lai")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response sendAgain(@Context ContainerRequestContext request, @PathParam("no") String no) {
        WebSession session = Staff.require(request, Role.SUPERVISOR, Role.ADMIN);
        try {
            handovers.retry(session.user(), no);
            return Flash.redirect(HERE, "Đã gửi lại bàn giao " + no + " (cùng số, cùng khóa).");
        } catch (Problem p) {
            if (p.status() == 409 || p.status() == 404) {
                return Response.status(p.status())
                        .entity(page(session).refused("Không gửi lại được bàn giao " + no + ": " + p.getMessage()))
                        .build();
            }
            throw p;
        }
    }

    @POST
    @Path("da-xem/{kind}/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acknowledge(
            @Context ContainerRequestContext request, @PathParam("kind") String kind, @PathParam("id") long id) {
        WebSession session = Staff.require(request, Role.SUPERVISOR, Role.ADMIN);
        try {
            givenUp.acknowledge(session.user(), kind, id);
            return Flash.redirect(HERE, "Đã ghi nhận: " + session.displayName() + " đã xem.");
        } catch (Problem p) {
            if (p.status() == 422 || p.status() == 404) {
                return Response.status(p.status())
                        .entity(page(session).refused("Không ghi nhận được: " + p.getMessage()))
                        .build();
            }
            throw p;
        }
    }

    /** "4 giờ làm việc", "90 phút" */
    private String deadlineInWords() {
        long minutes = ackDeadline.timeout().toMinutes();
        String amount = minutes % 60 == 0 ? minutes / 60 + " giờ" : minutes + " phút";
        return ackDeadline.inWorkingHours() ? amount + " làm việc" : amount;
    }

    private AttentionPage page(WebSession session) {
        var user = session.user();
        List<AttentionPage.FailingAgency> failing = backlog.failingSends().values().stream()
                .map(f -> new AttentionPage.FailingAgency(f.agencyCode(), f.agencyName(), f.describe()))
                .toList();
        return new AttentionPage(
                session,
                failing,
                queries.list(user, "FAILED", null, null, SHOWN).handovers(),
                queries.list(user, HandoverQueries.NOT_ACKNOWLEDGED, null, null, SHOWN)
                        .handovers(),
                deadlineInWords(),
                givenUp.list(user, false, SHOWN),
                s10Series.low(),
                s10Series.alertBelow(),
                zone);
    }
}
