package vn.dossierpost.web.counter;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.domain.Role;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.returnleg.CourierService;
import vn.dossierpost.web.Flash;
import vn.dossierpost.web.Staff;

/**
 * The office's couriers and the communes each covers ({@code /counter/buu-ta}): a new item in a
 * commune goes to its courier on arrival. Saving a courier's list is {@link CourierService#setCommunes},
 * as {@code PUT /api/couriers/{username}/communes}: a commune another courier had moves over, and the
 * office's waiting items there go with it.
 */
@Path("/counter/buu-ta")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class CourierPages {
    private final CourierService couriers;

    public CourierPages(CourierService couriers) {
        this.couriers = couriers;
    }

    @GET
    public CouriersPage list(@Context ContainerRequestContext request) {
        WebSession clerk = Staff.require(request, Role.COUNTER);
        return new CouriersPage(clerk, couriers.couriers(clerk.user(), null));
    }

    /** {@code communes}: 5-digit codes separated by commas or spaces; empty clears the list. */
    @POST
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(
            @Context ContainerRequestContext request,
            @PathParam("username") String username,
            @FormParam("communes") String communes) {
        WebSession clerk = Staff.require(request, Role.COUNTER);
        List<String> codes = communes == null || communes.isBlank()
                ? List.of()
                : Arrays.stream(communes.trim().split("[\\s,;]+")).toList();
        try {
            List<String> saved = couriers.setCommunes(clerk.user(), username, codes);
            return Flash.redirect(
                    "/counter/buu-ta",
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
                    .entity(new CouriersPage(clerk, couriers.couriers(clerk.user(), null))
                            .refused(username, communes, "Không lưu được: " + why + "."))
                    .build();
        }
    }
}
