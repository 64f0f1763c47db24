package vn.dossierpost.auth;

import io.dropwizard.auth.Authenticator;
import io.dropwizard.auth.basic.BasicCredentials;
import java.util.Optional;
import vn.dossierpost.db.UserDAO;
import vn.dossierpost.domain.User;

/** HTTP Basic against bcrypt hashes; wrapped in a CachingAuthenticator by the application. */
public final class BasicAuthenticator implements Authenticator<BasicCredentials, User> {
    private final UserDAO users;

    public BasicAuthenticator(UserDAO users) {
        this.users = users;
    }

    @Override
    public Optional<User> authenticate(BasicCredentials credentials) {
        return users.findActive(credentials.getUsername())
                .filter(u -> Passwords.verify(credentials.getPassword(), u.passwordHash()))
                .map(UserDAO.StoredUser::toUser);
    }
}
