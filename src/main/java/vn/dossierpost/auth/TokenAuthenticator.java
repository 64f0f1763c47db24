package vn.dossierpost.auth;

import io.dropwizard.auth.Authenticator;
import java.util.Optional;
import vn.dossierpost.db.UserDAO;
import vn.dossierpost.domain.User;

/**
 * Bearer API tokens for machine clients (agency systems). Not cached: a token is looked up by its
 * SHA-256 on every request (one indexed read, no bcrypt), so a revoked or replaced token, or a
 * disabled user, is refused at once on every node.
 */
public final class TokenAuthenticator implements Authenticator<String, User> {
    private static final int LONGEST_TOKEN = 200;
    private final UserDAO users;

    public TokenAuthenticator(UserDAO users) {
        this.users = users;
    }

    @Override
    public Optional<User> authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > LONGEST_TOKEN) {
            return Optional.empty();
        }
        return users.findByTokenHash(Passwords.tokenHash(token)).map(UserDAO.StoredUser::toUser);
    }
}
