package vn.dossierpost.web.courier;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.domain.Role;
import vn.dossierpost.http.PersonalData;
import vn.dossierpost.service.catalogue.ReferenceDataCache;
import vn.dossierpost.service.homepickup.HomePickups;
import vn.dossierpost.service.returnleg.CourierService;
import vn.dossierpost.web.Staff;

/**
 * The courier's phone: today's items ({@code /courier}) and the service worker that keeps the page
 * and its list on the phone for when the network is gone. The page sends its updates to the JSON
 * API with the session (resources/DeliveryResource, CourierResource); assets/courier.js queues them.
 */
@Path("/courier")
public class CourierPages {
    /** The worker's script lives under /assets; served here so that its scope may cover /courier itself. */
    private static final String WORKER = "/assets/courier-sw.js";

    private final CourierService couriers;
    private final HomePickups pickups;
    private final ReferenceDataCache referenceData;

    public CourierPages(CourierService couriers, HomePickups pickups, ReferenceDataCache referenceData) {
        this.couriers = couriers;
        this.pickups = pickups;
        this.referenceData = referenceData;
    }

    @PersonalData("DELIVERY_LIST")
    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public Response today(@Context ContainerRequestContext request) {
        WebSession session = Staff.require(request, Role.COURIER);
        var work = couriers.work(session.user(), null);
        var visits = pickups.ofCourier(session.user(), null);
        // the service worker keeps its own copy for offline use; the browser's cache must not serve a stale list
        return Response.ok(new CourierPage(session, work, visits, referenceData.get()))
                .header("Cache-Control", "no-cache")
                .build();
    }

    @GET
    @Path("sw.js")
    @Produces("text/javascript;charset=UTF-8")
    public Response serviceWorker() {
        try (InputStream in = CourierPages.class.getResourceAsStream(WORKER)) {
            return Response.ok(in.readAllBytes())
                    .header("Service-Worker-Allowed", "/courier")
                    .header("Cache-Control", "no-cache")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
