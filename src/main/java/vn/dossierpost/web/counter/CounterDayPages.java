package vn.dossierpost.web.counter;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import vn.dossierpost.api.OfficeView;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.domain.Role;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.catalogue.ReferenceDataCache;
import vn.dossierpost.service.payment.CounterDay;
import vn.dossierpost.web.Flash;
import vn.dossierpost.web.Staff;

/**
 * The counter's end of day ({@code /counter/cuoi-ngay?date=&office=}): {@link CounterDay#report} as a
 * table for a clerk or a supervisor, and the supervisor's "Chốt ngày" ({@link CounterDay#close}, as
 * {@code POST /api/counter-day/close}). A user bound to an office sees theirs; national staff choose one.
 */
@Path("/counter/cuoi-ngay")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class CounterDayPages {
    private static final Role[] READERS = {Role.COUNTER, Role.SUPERVISOR, Role.ADMIN};

    private final CounterDay days;
    private final ReferenceDataCache referenceData;
    private final Clock clock;
    private final ZoneId zone;

    public CounterDayPages(CounterDay days, ReferenceDataCache referenceData, Clock clock, ZoneId zone) {
        this.days = days;
        this.referenceData = referenceData;
        this.clock = clock;
        this.zone = zone;
    }

    @GET
    public Response show(
            @Context ContainerRequestContext request,
            @QueryParam("office") String office,
            @QueryParam("date") String date) {
        return page(Staff.require(request, READERS), office, date, 200, null);
    }

    @POST
    @Path("chot")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(
            @Context ContainerRequestContext request,
            @FormParam("office") String office,
            @FormParam("date") String date) {
        WebSession user = Staff.require(request, Role.SUPERVISOR);
        try {
            days.close(user.user(), office, date);
        } catch (Problem p) {
            if (p.status() != 409 && p.status() != 422) {
                throw p;
            }
            return page(user, office, date, p.status(), "Không chốt được: " + why(p) + ".");
        }
        String query = "?date=" + URLEncoder.encode(date.trim(), StandardCharsets.UTF_8)
                + (office == null || office.isBlank()
                        ? ""
                        : "&office=" + URLEncoder.encode(office.trim(), StandardCharsets.UTF_8));
        return Flash.redirect(
                "/counter/cuoi-ngay" + query,
                "Đã chốt ngày " + LocalDate.parse(date.trim()).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + ".");
    }

    /** The day (today by default); without an office bound to the user or chosen, only the choice of office. */
    private Response page(WebSession user, String office, String date, int status, String refusal) {
        String chosen = office == null || office.isBlank() ? "" : office.trim();
        String day = date == null || date.isBlank()
                ? LocalDate.now(clock.withZone(zone)).toString()
                : date.trim();
        boolean national = user.user().officeScope() == null;
        List<OfficeView> offices = national
                ? referenceData.get().officeViews().stream()
                        .sorted(Comparator.comparing(OfficeView::name))
                        .toList()
                : List.of();
        CounterDayPage page;
        if (national && chosen.isEmpty()) {
            page = new CounterDayPage(user, offices, chosen, day, null, zone);
        } else {
            try {
                page = new CounterDayPage(user, offices, chosen, day, days.report(user.user(), chosen, day), zone);
            } catch (Problem p) {
                if (p.status() != 422) {
                    throw p;
                }
                page = new CounterDayPage(user, offices, chosen, day, null, zone);
                refusal = why(p);
                status = 422;
            }
        }
        return Response.status(status)
                .entity(refusal == null ? page : page.refused(refusal))
                .build();
    }

    private static String why(Problem p) {
        if (p.problems().isEmpty()) {
            return p.getMessage();
        }
        return String.join(
                "; ",
                p.problems().stream().map(f -> f.field() + " " + f.message()).toList());
    }
}
