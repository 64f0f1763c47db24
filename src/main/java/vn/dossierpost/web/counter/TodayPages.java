package vn.dossierpost.web.counter;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.domain.Role;
import vn.dossierpost.service.counter.CounterToday;
import vn.dossierpost.web.Staff;

/** The counter clerk's start page: who is signed in, at which office, and what waits for that office today. */
@Path("/counter")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class TodayPages {
    private final CounterToday today;

    public TodayPages(CounterToday today) {
        this.today = today;
    }

    @GET
    public TodayPage today(@Context ContainerRequestContext request) {
        WebSession session = Staff.require(request, Role.COUNTER);
        var clerk = session.user();
        return new TodayPage(
                session,
                today.received(clerk),
                today.scansMissing(clerk),
                today.supplements(clerk),
                today.pickups(clerk),
                today.held(clerk));
    }
}
