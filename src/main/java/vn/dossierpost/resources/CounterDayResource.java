package vn.dossierpost.resources;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import vn.dossierpost.api.CounterDayView;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.payment.CounterDay;

/** The counter's end of day: {@code ?date=YYYY-MM-DD} and, for national staff, {@code &office=}. */
@Path("/api/counter-day")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class CounterDayResource {
    private final CounterDay days;

    public CounterDayResource(CounterDay days) {
        this.days = days;
    }

    @GET
    @RolesAllowed({"COUNTER", "SUPERVISOR", "ADMIN"})
    public CounterDayView get(@Auth User user, @QueryParam("office") String office, @QueryParam("date") String date) {
        return days.report(user, office, date);
    }

    @POST
    @Path("/close")
    @RolesAllowed("SUPERVISOR")
    public CounterDayView close(@Auth User user, @QueryParam("office") String office, @QueryParam("date") String date) {
        return days.close(user, office, date);
    }
}
