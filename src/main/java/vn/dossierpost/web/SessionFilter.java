package vn.dossierpost.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import vn.dossierpost.auth.CsrfTokens;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.auth.WebSessions;

/**
 * For every request outside {@code /api}: finds the session of the {@value Cookies#SESSION} cookie
 * (for {@link Staff} and the layout), and refuses (403, nothing done) a POST, PUT, PATCH or DELETE
 * that does not carry the session's CSRF token, as the form field {@code _csrf} or the header
 * {@code X-CSRF-Token} (htmx). The sign-in form, sent before a session exists, carries the token of
 * the {@value Cookies#LOGIN_CSRF} cookie instead; signing out without a session has nothing to end
 * and goes through. The JSON API is left alone: its authentication (Basic, bearer, and the session
 * with its CSRF header for pages calling it) is auth/SessionAuthFilter's and the chain of ApiSetup.
 */
@Priority(Priorities.AUTHENTICATION)
public final class SessionFilter implements ContainerRequestFilter, ContainerResponseFilter {
    static final String CSRF_FIELD = "_csrf";

    private final WebSessions sessions;

    public SessionFilter(WebSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String path = path(request);
        if (path.startsWith("api/") || path.equals("api")) {
            return;
        }
        Cookie cookie = request.getCookies().get(Cookies.SESSION);
        WebSession session =
                cookie == null ? null : sessions.find(cookie.getValue()).orElse(null);
        if (session != null) {
            request.setProperty(Staff.PROPERTY, session);
            request.setSecurityContext(new SessionSecurityContext(
                    session.user(), request.getSecurityContext().isSecure()));
        }
        if (!CsrfTokens.changes(request.getMethod())) {
            return;
        }
        String expected;
        if (path.equals("login")) {
            Cookie login = request.getCookies().get(Cookies.LOGIN_CSRF);
            expected = login == null ? null : login.getValue();
        } else if (session != null) {
            expected = session.csrfToken();
        } else if (path.equals("logout") || path.startsWith("danh-gia/")) {
            return; // signing out needs no token; a rating link's own token is its key (RatingPages)
        } else {
            expected = null;
        }
        if (!CsrfTokens.same(expected, sentToken(request))) {
            request.abortWith(Response.status(Response.Status.FORBIDDEN).build());
        }
    }

    /** The layout shows who is signed in, on every page. */
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Page page && page.getStaff() == null) {
            Staff.current(request).ifPresent(page::signedIn);
        }
    }

    private static String path(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** The header, else the form field (the form is read here and put back for the resource). */
    private static String sentToken(ContainerRequestContext request) throws IOException {
        String header = request.getHeaderString(CsrfTokens.HEADER);
        if (header != null) {
            return header;
        }
        MediaType type = request.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE) || !request.hasEntity()) {
            return null;
        }
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        for (String pair : new String(body, StandardCharsets.US_ASCII).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0
                    && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8)
                            .equals(CSRF_FIELD)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
