package vn.dossierpost.web;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import vn.dossierpost.domain.User;

/**
 * The signed-in member of staff as the request's principal, as Basic and bearer authentication
 * make it on the API: what is done for a user (the access log) sees one caller either way.
 */
record SessionSecurityContext(User user, boolean secure) implements SecurityContext {

    @Override
    public Principal getUserPrincipal() {
        return user;
    }

    @Override
    public boolean isUserInRole(String role) {
        return user.role().name().equals(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return "SESSION";
    }
}
