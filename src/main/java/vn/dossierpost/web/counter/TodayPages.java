package vn.dossierpost.web.counter;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import vn.dossierpost.domain.Role;
import vn.dossierpost.web.Staff;
import vn.dossierpost.web.StaffPage;

/** The counter clerk's screens. For now the start page: who is signed in, at which office. */
@Path("/counter")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class TodayPages {

    @GET
    public StaffPage today(@Context ContainerRequestContext request) {
        return new StaffPage("counter/today.ftlh", "Hôm nay", Staff.require(request, Role.COUNTER));
    }
}
