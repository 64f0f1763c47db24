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
import java.util.Map;
import vn.dossierpost.api.AgencyView;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.domain.Role;
import vn.dossierpost.integration.AgencyProbe;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.catalogue.AgencyService;
import vn.dossierpost.web.Flash;
import vn.dossierpost.web.Staff;

/**
 * The administrator's agencies: the list, one agency's channel as a form (saved as {@code PUT
 * /api/agencies/{code}} saves it: the same checks, the route rebuilt at once) and its "test
 * connection" ({@link AgencyProbe}), whose answer is shown on the form.
 */
@Path("/admin/co-quan")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class AgencyPages {
    private final AgencyService agencies;
    private final AgencyProbe probe;

    public AgencyPages(AgencyService agencies, AgencyProbe probe) {
        this.agencies = agencies;
        this.probe = probe;
    }

    @GET
    public AgencyListPage list(@Context ContainerRequestContext request) {
        return new AgencyListPage(Staff.require(request, Role.ADMIN), agencies.list());
    }

    @GET
    @Path("{agency}")
    public AgencyFormPage show(@Context ContainerRequestContext request, @PathParam("agency") String code) {
        WebSession session = Staff.require(request, Role.ADMIN);
        return new AgencyFormPage(session, agencies.get(code), Map.of(), Map.of(), null);
    }

    @POST
    @Path("{agency}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@Context ContainerRequestContext request, @PathParam("agency") String code, Form sent) {
        WebSession session = Staff.require(request, Role.ADMIN);
        AgencyView agency = agencies.get(code);
        AgencyForm form = AgencyForm.of(sent.asMap());
        try {
            if (!form.problems().isEmpty()) {
                throw Problem.invalid(form.problems());
            }
            AgencyView saved = agencies.update(session.user(), code, form.request());
            return Flash.redirect("/admin/co-quan/" + code, "Đã lưu cơ quan " + saved.name() + ".");
        } catch (Problem p) {
            if (p.status() != 422) {
                throw p;
            }
            return Response.status(422)
                    .entity(new AgencyFormPage(session, agency, form.values(), FieldErrors.of(p.problems()), null))
                    .build();
        }
    }

    @POST
    @Path("{agency}/kiem-tra")
    public AgencyFormPage test(@Context ContainerRequestContext request, @PathParam("agency") String code) {
        WebSession session = Staff.require(request, Role.ADMIN);
        AgencyView agency = agencies.get(code);
        return new AgencyFormPage(session, agency, Map.of(), Map.of(), probe.test(code));
    }
}
