package vn.dossierpost.auth;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;

/**
 * Puts the caller's address on every request before authentication, for the sign-in limits per
 * client. It is the connection's address, or the one a reverse proxy names in X-Forwarded-For when
 * the connector has {@code useForwardedHeaders: true} (README, "Users and roles").
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class ClientAddress implements ContainerRequestFilter {
    static final String PROPERTY = "vn.dossierpost.clientAddress";

    @Context
    private HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(PROPERTY, servletRequest.getRemoteAddr());
    }

    /** The address put on this request (or "unknown", which then counts as one client). */
    public static String of(ContainerRequestContext request) {
        Object address = request.getProperty(PROPERTY);
        return address == null ? "unknown" : address.toString();
    }
}
