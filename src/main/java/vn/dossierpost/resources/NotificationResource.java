package vn.dossierpost.resources;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import vn.dossierpost.api.NotificationView;
import vn.dossierpost.domain.User;
import vn.dossierpost.http.PersonalData;
import vn.dossierpost.service.notify.NotificationDelivery;

/**
 * The messages sent (or not) to a dossier's applicant, for the post's staff answering "was I told?".
 * Not for agencies or couriers: the rows hold the applicant's phone and e-mail.
 */
@Path("/api/dossiers/{code}/notifications")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class NotificationResource {
    private final NotificationDelivery delivery;

    public NotificationResource(NotificationDelivery delivery) {
        this.delivery = delivery;
    }

    @PersonalData("NOTIFICATIONS")
    @GET
    @RolesAllowed({"COUNTER", "SUPERVISOR", "ADMIN"})
    public List<NotificationView> list(@Auth User user, @PathParam("code") String code) {
        return delivery.list(user, code);
    }
}
