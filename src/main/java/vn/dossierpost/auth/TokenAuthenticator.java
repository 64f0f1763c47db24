package vn.dossierpost.auth;

import io.dropwizard.auth.Authenticator;
import java.util.Optional;
import vn.dossierpost.db.UserDAO;
import vn.dossierpost.domain.User;

/** Bearer API tokens for machine clients (agency systems). */
public final class TokenAuthenticator implements Authenticator<String, User> {
    private final UserDAO users;

    public TokenAuthenticator(UserDAO users) {
        this.users = users;
    }

    @Override
    public Optional<User> authenticate(String token) {
        return users.findByTokenHash(Passwords.tokenHash(token)).map(UserDAO.StoredUser::toUser);
    }
}
