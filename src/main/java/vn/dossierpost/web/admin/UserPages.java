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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.domain.Role;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.catalogue.ReferenceDataCache;
import vn.dossierpost.service.users.UserAccounts;
import vn.dossierpost.web.Flash;
import vn.dossierpost.web.Staff;

/**
 * The administrator's users: add one (a one-time password shown once), and on each user the
 * changes of {@code /api/users} — disable, enable, a new password, a new or no bearer token. The
 * change holds on the user's very next request, page or API, on every node (service/users/UserAccounts).
 */
@Path("/admin/nguoi-dung")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class UserPages {
    private static final String HERE = "/admin/nguoi-dung";

    private final UserAccounts accounts;
    private final ReferenceDataCache referenceData;

    public UserPages(UserAccounts accounts, ReferenceDataCache referenceData) {
        this.accounts = accounts;
        this.referenceData = referenceData;
    }

    @GET
    public UsersPage list(@Context ContainerRequestContext request) {
        return page(Staff.require(request, Role.ADMIN));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@Context ContainerRequestContext request, Form sent) {
        WebSession session = Staff.require(request, Role.ADMIN);
        Map<String, String> values = new HashMap<>();
        sent.asMap().forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.get(0)));
        try {
            UserAccounts.Created created = accounts.create(
                    values.get("username"),
                    values.get("role"),
                    values.get("officeCode"),
                    values.get("agencyCode"),
                    values.get("fullName"),
                    session.user().username());
            return shown(session, created.user().username(), "mật khẩu một lần", created.password());
        } catch (Problem p) {
            if (p.status() != 422) {
                throw p;
            }
            values.remove("_csrf");
            return Response.status(422)
                    .entity(page(session).withErrors(values, FieldErrors.of(p.problems())))
                    .build();
        }
    }

    /** One change to a user, named by the button pressed ({@code action}). */
    @POST
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(
            @Context ContainerRequestContext request, @PathParam("username") String username, Form sent) {
        WebSession session = Staff.require(request, Role.ADMIN);
        String by = session.user().username();
        List<String> action = sent.asMap().getOrDefault("action", List.of());
        try {
            switch (action.isEmpty() ? "" : action.get(0)) {
                case "disable" -> accounts.setDisabled(username, true, by);
                case "enable" -> accounts.setDisabled(username, false, by);
                case "revoke-token" -> accounts.revokeToken(username, by);
                case "password" -> {
                    return shown(session, username, "mật khẩu mới", accounts.resetPassword(username, by));
                }
                case "token" -> {
                    return shown(session, username, "token API mới", accounts.newToken(username, by));
                }
                default -> throw Problem.invalid("action", "one of disable, enable, password, token, revoke-token");
            }
            return Flash.redirect(HERE, "Đã cập nhật người dùng " + username + ".");
        } catch (Problem p) {
            if (p.status() != 422) {
                throw p;
            }
            return Response.status(422)
                    .entity(page(session).refused("Không thực hiện được với " + username + ": " + p.getMessage()))
                    .build();
        }
    }

    private Response shown(WebSession session, String username, String what, String secret) {
        return Response.ok(page(session).showing(new UsersPage.OneTime(username, what, secret)))
                .header("Cache-Control", "no-store")
                .build();
    }

    private UsersPage page(WebSession session) {
        var ref = referenceData.get();
        return new UsersPage(session, accounts.list(), ref.officeViews(), ref.agencySummaries());
    }
}
