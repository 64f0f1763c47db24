package vn.dossierpost.auth;

import io.dropwizard.auth.AuthFilter;
import io.dropwizard.auth.JSONUnauthorizedHandler;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import vn.dossierpost.api.ErrorResponse;
import vn.dossierpost.domain.User;

/**
 * The web session on the JSON API, for pages that call it from the browser (the courier's phone):
 * the session cookie stands for the user, and a POST, PUT, PATCH or DELETE must also carry the
 * session's CSRF token in the {@code X-CSRF-Token} header, which another site cannot read or send.
 *
 * <p>It stands first in the chain and steps aside (no answer of its own) when the request carries an
 * {@code Authorization} header or no session cookie, so Basic and bearer callers get their usual
 * 401. A cookie of an ended session is 401 with no Basic challenge (a browser would ask for a
 * password); a live session without the token is refused with 403 and nothing is done.
 */
public final class SessionAuthFilter extends AuthFilter<WebSession, User> {

    private final WebSessions sessions;
    private final String cookieName;

    public SessionAuthFilter(WebSessions sessions, String cookieName) {
        this.sessions = sessions;
        this.cookieName = cookieName;
        this.authenticator = session -> Optional.of(session.user());
        this.authorizer = new RoleAuthorizer();
        this.unauthorizedHandler = new JSONUnauthorizedHandler();
        this.prefix = "Session";
        this.realm = "dossierpost";
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(cookieName);
        if (cookie == null || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            return;
        }
        WebSession session = sessions.find(cookie.getValue()).orElse(null);
        if (session == null) {
            // a page whose session ended: 401 without a Basic challenge, which would make the browser ask for a
            // password
            throw unauthorizedHandler.buildException(prefix, realm);
        }
        if (CsrfTokens.changes(request.getMethod())
                && !CsrfTokens.same(session.csrfToken(), request.getHeaderString(CsrfTokens.HEADER))) {
            throw new ForbiddenException(Response.status(Response.Status.FORBIDDEN)
                    .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .entity(ErrorResponse.of(
                            403, "a change through the web session needs the header " + CsrfTokens.HEADER))
                    .build());
        }
        authenticate(request, session, "SESSION");
    }
}
