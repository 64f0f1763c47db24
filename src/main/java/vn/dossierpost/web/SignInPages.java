package vn.dossierpost.web;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import vn.dossierpost.auth.ClientAddress;
import vn.dossierpost.auth.Passwords;
import vn.dossierpost.auth.SignIn;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.auth.WebSessions;

/**
 * Staff sign-in and sign-out ({@code /login}, {@code /logout}) and the home page of roles whose
 * screens are not built yet ({@code /trang-chu}). The rules (passwords, throttle, sessions) are in
 * {@link WebSessions}; the CSRF check in {@link SessionFilter}.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class SignInPages {
    static final String REFUSED = "Tên đăng nhập hoặc mật khẩu không đúng.";

    private final WebSessions sessions;
    private final Cookies cookies;

    public SignInPages(WebSessions sessions, Cookies cookies) {
        this.sessions = sessions;
        this.cookies = cookies;
    }

    @GET
    @Path("login")
    public Response form(@QueryParam("next") String next, @Context ContainerRequestContext request) {
        var signedIn = Staff.current(request);
        if (signedIn.isPresent()) {
            return Response.seeOther(URI.create(
                            LocalPath.orHome(next, signedIn.get().user().role())))
                    .build();
        }
        return page(Response.ok(), next, null, null);
    }

    @POST
    @Path("login")
    public Response signIn(
            @FormParam("username") String username,
            @FormParam("password") String password,
            @FormParam("next") String next,
            @CookieParam(Cookies.SESSION) String previous,
            @Context ContainerRequestContext request) {
        SignIn outcome = sessions.signIn(username, password, ClientAddress.of(request));
        if (outcome instanceof SignIn.Success s) {
            sessions.signOut(previous); // a new session, never one the browser came with
            WebSession session = s.session();
            return Response.seeOther(
                            URI.create(LocalPath.orHome(next, session.user().role())))
                    .cookie(cookies.session(s.token()), cookies.loginCsrfCleared())
                    .build();
        }
        if (outcome instanceof SignIn.Locked l) {
            String wait =
                    "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau " + minutes(l.retryAfterSeconds()) + " phút.";
            return pageBuilder(Response.status(Response.Status.TOO_MANY_REQUESTS), next, username, wait)
                    .header("Retry-After", l.retryAfterSeconds())
                    .build();
        }
        return page(Response.status(Response.Status.UNAUTHORIZED), next, username, REFUSED);
    }

    @POST
    @Path("logout")
    public Response signOut(@CookieParam(Cookies.SESSION) String token) {
        sessions.signOut(token);
        return Response.seeOther(URI.create("/login"))
                .cookie(cookies.sessionCleared())
                .build();
    }

    @GET
    @Path("trang-chu")
    public StaffPage home(@Context ContainerRequestContext request) {
        return new StaffPage("staff/home.ftlh", "Trang chủ", Staff.require(request));
    }

    /** The form again, with a fresh token in the field and the cookie. */
    private Response page(Response.ResponseBuilder builder, String next, String username, String message) {
        return pageBuilder(builder, next, username, message).build();
    }

    private Response.ResponseBuilder pageBuilder(
            Response.ResponseBuilder builder, String next, String username, String message) {
        String token = Passwords.randomUrlToken(WebSessions.TOKEN_BYTES);
        return builder.entity(new LoginPage(LocalPath.isLocal(next) ? next : null, token, username, message))
                .cookie(cookies.loginCsrf(token))
                .header("Cache-Control", "no-store");
    }

    private static long minutes(long seconds) {
        return (seconds + 59) / 60;
    }
}
