package vn.dossierpost.resources;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import vn.dossierpost.api.CalendarYear;
import vn.dossierpost.service.catalogue.CalendarService;

@Path("/api/calendar/{year}")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class CalendarResource {
    private final CalendarService calendar;

    public CalendarResource(CalendarService calendar) {
        this.calendar = calendar;
    }

    @GET
    @RolesAllowed({"COUNTER", "COURIER", "AGENCY", "SUPERVISOR", "ADMIN"})
    public CalendarYear get(@PathParam("year") int year) {
        return calendar.get(year);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("ADMIN")
    public CalendarYear put(
            @PathParam("year") int year,
            @NotNull(message = "the year's days (JSON object with days) are required") @Valid CalendarYear body) {
        return calendar.replace(year, body);
    }
}
