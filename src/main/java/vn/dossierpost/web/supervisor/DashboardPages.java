package vn.dossierpost.web.supervisor;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.domain.Role;
import vn.dossierpost.service.supervision.Dashboard;
import vn.dossierpost.web.Staff;

/** The supervisor's start page: the network (or their office) at a glance, {@link DashboardPage}. */
@Path("/supervisor")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class DashboardPages {
    private final Dashboard dashboard;

    public DashboardPages(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GET
    public DashboardPage show(@Context ContainerRequestContext request) {
        WebSession session = Staff.require(request, Role.SUPERVISOR, Role.ADMIN);
        return new DashboardPage(session, dashboard.view(session.user()));
    }
}
