package vn.dossierpost.web.counter;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.Map;
import vn.dossierpost.api.DeliveryView;
import vn.dossierpost.api.PickupView;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.S10Number;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.Shapes;
import vn.dossierpost.service.returnleg.PickupService;
import vn.dossierpost.web.Flash;
import vn.dossierpost.web.Staff;

/**
 * Results to collect at the agencies the clerk's office serves ({@code /counter/nhan-ket-qua}) and
 * the collection form of one: what was taken over and from whom, recorded by the same
 * {@link PickupService#collect} as {@code POST /api/dossiers/{code}/collection}. After it the list
 * comes back with the return slip of the new item ready to print.
 */
@Path("/counter/nhan-ket-qua")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class PickupPages {
    /** As many as a clerk works through in a day; the API pages further. */
    private static final int SHOWN = 200;

    private final PickupService pickups;

    public PickupPages(PickupService pickups) {
        this.pickups = pickups;
    }

    /** {@code ?da-nhan=} the S10 number of an item just collected: its slip to print. */
    @GET
    public PickupsPage list(@Context ContainerRequestContext request, @QueryParam("da-nhan") String collected) {
        WebSession clerk = Staff.require(request, Role.COUNTER);
        return new PickupsPage(
                clerk,
                pickups.open(clerk.user(), null, SHOWN),
                collected != null && S10Number.isValid(collected) ? collected : null);
    }

    @GET
    @Path("{code}")
    public CollectionPage form(@Context ContainerRequestContext request, @PathParam("code") String code) {
        WebSession clerk = Staff.require(request, Role.COUNTER);
        return new CollectionPage(clerk, pickup(clerk, code), CollectionForm.blank(), Map.of());
    }

    @POST
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response collect(@Context ContainerRequestContext request, @PathParam("code") String code, Form sent) {
        WebSession clerk = Staff.require(request, Role.COUNTER);
        CollectionForm form = CollectionForm.of(sent.asMap());
        try {
            DeliveryView item =
                    pickups.collect(clerk.user(), code, Shapes.check(form.toRequest(), "the collection is required"));
            return Flash.redirect(
                    UriBuilder.fromPath("/counter/nhan-ket-qua")
                            .queryParam("da-nhan", item.s10Number())
                            .build()
                            .toString(),
                    "Đã nhận kết quả của hồ sơ " + code + " tại cơ quan; số hiệu bưu gửi " + item.s10Number() + ".");
        } catch (Problem p) {
            if (p.status() != 422) {
                throw p;
            }
            return Response.status(422)
                    .entity(new CollectionPage(clerk, pickup(clerk, code), form, form.inputsOf(p.problems())))
                    .build();
        }
    }

    /** The open pickup of the dossier at the clerk's office, or 404. */
    private PickupView pickup(WebSession clerk, String code) {
        return pickups.openOf(clerk.user(), code);
    }
}
