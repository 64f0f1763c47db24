package vn.dossierpost.resources;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.notify.Ratings;

/** {@code ?from=&to=} (days, both included): the applicants' ratings per office and procedure. */
@Path("/api/satisfaction")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class SatisfactionResource {
    private final Ratings ratings;

    public SatisfactionResource(Ratings ratings) {
        this.ratings = ratings;
    }

    @GET
    @RolesAllowed({"SUPERVISOR", "ADMIN"})
    public Ratings.Averages averages(@Auth User user, @QueryParam("from") String from, @QueryParam("to") String to) {
        return ratings.averages(user, day("from", from), day("to", to));
    }

    private static LocalDate day(String field, String value) {
        try {
            return LocalDate.parse(value == null ? "" : value.trim());
        } catch (DateTimeParseException e) {
            throw Problem.invalid(field, "must be a day as YYYY-MM-DD");
        }
    }
}
