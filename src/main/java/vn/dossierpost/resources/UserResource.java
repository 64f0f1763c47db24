package vn.dossierpost.resources;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import vn.dossierpost.api.DisabledRequest;
import vn.dossierpost.api.PasswordRequest;
import vn.dossierpost.api.UserView;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.users.UserAccounts;

/**
 * Users' credentials, for administrators: disable or enable, a new password, revoke the bearer
 * token. Each takes effect on the very next request on every node (service/users/UserAccounts).
 */
@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@RolesAllowed("ADMIN")
public class UserResource {
    private final UserAccounts accounts;

    public UserResource(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GET
    public List<UserView> list() {
        return accounts.list();
    }

    @PUT
    @Path("/{username}/disabled")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserView setDisabled(@Auth User admin, @PathParam("username") String username, DisabledRequest request) {
        return accounts.setDisabled(username, request == null ? null : request.disabled(), admin.username());
    }

    @PUT
    @Path("/{username}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserView setPassword(@Auth User admin, @PathParam("username") String username, PasswordRequest request) {
        return accounts.setPassword(
                username, request == null ? null : request.password(), admin.username(), "password");
    }

    @DELETE
    @Path("/{username}/token")
    public UserView revokeToken(@Auth User admin, @PathParam("username") String username) {
        return accounts.revokeToken(username, admin.username());
    }
}
