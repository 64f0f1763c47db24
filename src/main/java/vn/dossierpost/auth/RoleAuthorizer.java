package vn.dossierpost.auth;

import io.dropwizard.auth.Authorizer;
import jakarta.ws.rs.container.ContainerRequestContext;
import vn.dossierpost.domain.User;

public final class RoleAuthorizer implements Authorizer<User> {
    @Override
    public boolean authorize(User user, String role, ContainerRequestContext requestContext) {
        return user.role().name().equals(role);
    }
}
