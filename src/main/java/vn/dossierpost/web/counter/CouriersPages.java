package vn.dossierpost.web.counter;

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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import vn.dossierpost.api.OfficeView;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.domain.Role;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.catalogue.ReferenceDataCache;
import vn.dossierpost.service.returnleg.CourierService;
import vn.dossierpost.web.Flash;
import vn.dossierpost.web.Staff;

/**
 * The office's couriers and the communes each covers ({@code /counter/buu-ta}): a new item in a
 * commune goes to its courier on arrival. The clerk sees their office's; a supervisor of an office
 * theirs, a national supervisor or an administrator the office they choose ({@code ?office=}). Saving a courier's list is {@link CourierService#setCommunes},
 * as {@code PUT /api/couriers/{username}/communes}: a commune another courier had moves over, and the
 * office's waiting items there go with it.
 */
@Path("/counter/buu-ta")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class CouriersPages {
    private static final Role[] MANAGERS = {Role.COUNTER, Role.SUPERVISOR, Role.ADMIN};

    private final CourierService couriers;
    private final ReferenceDataCache referenceData;

    public CouriersPages(CourierService couriers, ReferenceDataCache referenceData) {
        this.couriers = couriers;
        this.referenceData = referenceData;
    }

    @GET
    public CouriersPage list(@Context ContainerRequestContext request, @QueryParam("office") String office) {
        return page(Staff.require(request, MANAGERS), office);
    }

    /** The office's couriers; without an office bound to the user or chosen, only the choice of office. */
    private CouriersPage page(WebSession user, String office) {
        String chosen = office == null || office.isBlank() ? null : office.trim();
        List<OfficeView> offices = user.user().officeScope() != null
                ? List.of()
                : referenceData.get().officeViews().stream()
                        .sorted(Comparator.comparing(OfficeView::name))
                        .toList();
        if (user.user().officeScope() == null && chosen == null) {
            return new CouriersPage(user, offices, "", List.of());
        }
        return new CouriersPage(user, offices, chosen == null ? "" : chosen, couriers.couriers(user.user(), chosen));
    }

    /** {@code communes}: 5-digit codes separated by commas or spaces; empty clears the list. */
    @POST
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(
            @Context ContainerRequestContext request,
            @PathParam("username") String username,
            @FormParam("office") String office,
            @FormParam("communes") String communes) {
        WebSession user = Staff.require(request, MANAGERS);
        List<String> codes = communes == null || communes.isBlank()
                ? List.of()
                : Arrays.stream(communes.trim().split("[\\s,;]+")).toList();
        try {
            List<String> saved = couriers.setCommunes(user.user(), username, codes);
            return Flash.redirect(
                    office == null || office.isBlank()
                            ? "/counter/buu-ta"
                            : "/counter/buu-ta?office=" + URLEncoder.encode(office.trim(), StandardCharsets.UTF_8),
                    saved.isEmpty()
                            ? "Bưu tá " + username + " không còn phụ trách xã nào."
                            : "Đã lưu các xã bưu tá " + username + " phụ trách: " + String.join(", ", saved) + ".");
        } catch (Problem p) {
            if (p.status() != 422) {
                throw p;
            }
            String why = String.join(
                    "; ", p.problems().stream().map(f -> f.message()).toList());
            return Response.status(422)
                    .entity(page(user, office).refused(username, communes, "Không lưu được: " + why + "."))
                    .build();
        }
    }
}
