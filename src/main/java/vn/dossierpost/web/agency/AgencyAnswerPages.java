package vn.dossierpost.web.agency;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import vn.dossierpost.api.agency.AgencyEventRequest;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.domain.AgencyEventType;
import vn.dossierpost.domain.Role;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.handover.AgencyDesk;
import vn.dossierpost.service.handover.AgencyEventOutcome;
import vn.dossierpost.service.handover.AgencyEventService;
import vn.dossierpost.web.Flash;
import vn.dossierpost.web.Staff;

/**
 * The agency's answers from its desk ({@code POST /agency/ho-so/{code}/tra-loi}): the same events
 * as {@code POST /api/agency/events}, applied by the same service under the same rules. Applied:
 * back to the dossier with a note of what changed. Refused: the dossier page again, 422 with the
 * reason beside each field, 409 with why the dossier cannot take that answer now, in words.
 */
@Path("/agency/ho-so/{code}/tra-loi")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class AgencyAnswerPages {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** Where an event from the desk came from, as {@code agency_event.source} keeps it. */
    static final String SOURCE = "WEB";

    private final AgencyEventService events;
    private final AgencyDesk desk;
    private final ZoneId zone;

    public AgencyAnswerPages(AgencyEventService events, AgencyDesk desk, ZoneId zone) {
        this.events = events;
        this.desk = desk;
        this.zone = zone;
    }

    /** The form's fields, as {@link AnswerForm} takes them. */
    public static class Fields {
        @FormParam("eventId")
        String eventId;

        @FormParam("type")
        String type;

        @FormParam("reason")
        String reason;

        @FormParam("missingItems")
        String missingItems;

        @FormParam("newAppointmentDate")
        String newAppointmentDate;

        @FormParam("resultReference")
        String resultReference;

        AnswerForm form() {
            return new AnswerForm(eventId, type, reason, missingItems, newAppointmentDate, resultReference);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(
            @Context ContainerRequestContext request, @PathParam("code") String code, @BeanParam Fields fields) {
        WebSession agency = Staff.require(request, Role.AGENCY);
        AnswerForm form = fields.form();
        AgencyEventRequest event;
        AgencyEventOutcome outcome;
        try {
            event = form.toEvent(code);
            outcome = events.apply(agency.user(), event, SOURCE);
        } catch (Problem p) {
            if (p.status() != 422) {
                throw p;
            }
            return page(422, page(agency, code).refusedFields(form, AnswerForm.fieldErrors(p)));
        }
        AgencyEventType type = AgencyEventType.valueOf(form.type());
        if (outcome instanceof AgencyEventOutcome.Applied applied) {
            String done = type == AgencyEventType.DELAYED
                    ? "Đã hẹn lại ngày trả kết quả: " + DATE.format(event.newAppointmentDate()) + "."
                    : "Đã ghi nhận «" + AnswerForm.LABELS.get(type) + "». Hồ sơ: "
                            + applied.status().labelVi() + ".";
            return Flash.redirect(here(code), done);
        }
        if (outcome instanceof AgencyEventOutcome.Stale stale) {
            return page(200, page(agency, code).noted(AnswerForm.stale(type, stale.status())));
        }
        if (outcome instanceof AgencyEventOutcome.Conflict conflict) {
            return page(409, page(agency, code).refused(AnswerForm.conflict(type, conflict)));
        }
        throw new NotFoundException(((AgencyEventOutcome.NotFound) outcome).message());
    }

    private AgencyDossierPage page(WebSession agency, String code) {
        return new AgencyDossierPage(agency, desk.dossier(agency.user(), code), null, zone);
    }

    private static Response page(int status, AgencyDossierPage page) {
        return Response.status(status).entity(page).build();
    }

    private static String here(String code) {
        return UriBuilder.fromPath("/agency/ho-so/{code}").build(code).toString();
    }
}
