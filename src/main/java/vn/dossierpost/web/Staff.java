package vn.dossierpost.web;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.RedirectionException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.Optional;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.domain.Role;

/**
 * The signed-in member of staff of a page request, as {@link SessionFilter} found them. A staff page
 * calls {@link #require}: without a session the browser goes to {@code /login?next=} this page.
 */
public final class Staff {
    static final String PROPERTY = "dossierpost.webSession";

    private Staff() {}

    public static Optional<WebSession> current(ContainerRequestContext request) {
        return Optional.ofNullable((WebSession) request.getProperty(PROPERTY));
    }

    public static WebSession require(ContainerRequestContext request) {
        return current(request).orElseThrow(() -> {
            var uri = request.getUriInfo().getRequestUri();
            String here = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            return new RedirectionException(
                    Response.Status.SEE_OTHER,
                    UriBuilder.fromPath("/login").queryParam("next", "{next}").buildFromEncoded(here));
        });
    }

    /** The session of a user in one of {@code roles}; another role is refused (403). */
    public static WebSession require(ContainerRequestContext request, Role... roles) {
        WebSession session = require(request);
        for (Role role : roles) {
            if (session.user().role() == role) {
                return session;
            }
        }
        throw new ForbiddenException();
    }
}
