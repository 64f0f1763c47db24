package vn.dossierpost.web.supervisor;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.domain.Role;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.supervision.Complaints;
import vn.dossierpost.service.supervision.Incidents;
import vn.dossierpost.web.Flash;
import vn.dossierpost.web.Staff;

/**
 * {@code /supervisor/khieu-nai}: the complaints register and the lost or damaged items of the
 * supervisor's reach (an office-bound supervisor their office's), answering a complaint and recording
 * a compensation paid through the same services as {@code /api/complaints} and {@code /api/incidents}.
 */
@Path("/supervisor/khieu-nai")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class ComplaintPages {
    private static final String HERE = "/supervisor/khieu-nai";

    private final Complaints complaints;
    private final Incidents incidents;

    public ComplaintPages(Complaints complaints, Incidents incidents) {
        this.complaints = complaints;
        this.incidents = incidents;
    }

    /** {@code ?qua-han=true}: only complaints past their day and compensation not paid by its day. */
    @GET
    public ComplaintsPage show(@Context ContainerRequestContext request, @QueryParam("qua-han") String overdue) {
        return page(Staff.require(request, Role.SUPERVISOR, Role.ADMIN), "true".equals(overdue), null);
    }

    @POST
    @Path("{number}/tra-loi")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(
            @Context ContainerRequestContext request,
            @PathParam("number") String number,
            @FormParam("answer") String answer) {
        WebSession session = Staff.require(request, Role.SUPERVISOR, Role.ADMIN);
        try {
            complaints.answer(session.user(), number, answer);
            return Flash.redirect(HERE, "Đã trả lời khiếu nại " + number + "; người nộp được báo qua SMS/thư.");
        } catch (Problem p) {
            return refused(session, p, p.status() == 422 ? "Xin ghi nội dung trả lời khiếu nại " + number + "." : null);
        }
    }

    @POST
    @Path("su-co/{number}/da-tra")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response paid(@Context ContainerRequestContext request, @PathParam("number") String number) {
        WebSession session = Staff.require(request, Role.SUPERVISOR, Role.ADMIN);
        try {
            incidents.paid(session.user(), number);
            return Flash.redirect(HERE, "Đã ghi nhận trả bồi thường " + number + ".");
        } catch (Problem p) {
            return refused(session, p, null);
        }
    }

    /** 404, 409 and 422 on the page itself, the list as it is now; anything else is not the form's. */
    private Response refused(WebSession session, Problem p, String message) {
        if (p.status() != 404 && p.status() != 409 && p.status() != 422) {
            throw p;
        }
        String shown = message != null ? message : "Không thực hiện được: " + p.getMessage();
        return Response.status(p.status()).entity(page(session, false, shown)).build();
    }

    private ComplaintsPage page(WebSession session, boolean overdue, String refusal) {
        return new ComplaintsPage(
                session,
                complaints.list(session.user(), null, overdue),
                incidents.list(session.user(), overdue),
                overdue,
                refusal);
    }
}
