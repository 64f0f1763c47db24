package vn.dossierpost.web.admin;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import vn.dossierpost.api.CalendarYear;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.domain.CalendarEntry;
import vn.dossierpost.domain.Role;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.catalogue.CalendarService;
import vn.dossierpost.web.Flash;
import vn.dossierpost.web.Staff;

/**
 * The working calendar of a year, as the government announces it: entries added or removed one at a
 * time, each change checked with the whole year as {@code PUT /api/calendar/{year}} checks it.
 */
@Path("/admin/lich/{year}")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class CalendarPages {
    private final CalendarService calendar;

    public CalendarPages(CalendarService calendar) {
        this.calendar = calendar;
    }

    @GET
    public CalendarPage show(@Context ContainerRequestContext request, @PathParam("year") int year) {
        return new CalendarPage(Staff.require(request, Role.ADMIN), calendar.get(year));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@Context ContainerRequestContext request, @PathParam("year") int year, Form sent) {
        WebSession session = Staff.require(request, Role.ADMIN);
        Map<String, String> values = values(sent);
        try {
            CalendarYear.Day day =
                    new CalendarYear.Day(date(values.get("date")), kind(values.get("kind")), values.get("name"));
            calendar.add(year, day);
            return Flash.redirect(here(year), "Đã thêm ngày " + day.date() + ".");
        } catch (Problem p) {
            if (p.status() != 422) {
                throw p;
            }
            return Response.status(422)
                    .entity(new CalendarPage(session, calendar.get(year))
                            .withErrors(values, FieldErrors.of(p.problems())))
                    .build();
        }
    }

    @POST
    @Path("xoa")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@Context ContainerRequestContext request, @PathParam("year") int year, Form sent) {
        Staff.require(request, Role.ADMIN);
        LocalDate date = date(values(sent).get("date"));
        if (date == null) {
            throw Problem.invalid("date", "is required (YYYY-MM-DD)");
        }
        calendar.remove(year, date);
        return Flash.redirect(here(year), "Đã xóa ngày " + date + ".");
    }

    private static String here(int year) {
        return "/admin/lich/" + year;
    }

    private static Map<String, String> values(Form sent) {
        Map<String, String> values = new HashMap<>();
        sent.asMap().forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.get(0).strip()));
        values.remove("_csrf");
        return values;
    }

    /** The date typed, or null (the service says it is required) when there is none or it is not one. */
    private static LocalDate date(String s) {
        try {
            return s == null || s.isEmpty() ? null : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static CalendarEntry.Kind kind(String s) {
        try {
            return s == null ? null : CalendarEntry.Kind.valueOf(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
