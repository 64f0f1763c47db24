package vn.dossierpost.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.db.UserDAO;
import vn.dossierpost.db.WebSessionDAO;
import vn.dossierpost.domain.User;

/**
 * Staff sign-in to the web pages and their sessions, kept in PostgreSQL so that any node serves them.
 *
 * <p>Passwords are the API's (bcrypt in {@code app_user}). An unknown username costs the same bcrypt
 * verify as a known one (against a dummy hash made at start with the configured cost) and gets the
 * same answer, so neither the page nor its timing tells which usernames exist. Wrong passwords in a
 * row are counted per username ({@link SignInThrottle}).
 *
 * <p>A session is a random token of {@value #TOKEN_BYTES} bytes in the cookie; the table keeps only
 * its SHA-256, with a CSRF token of the same size. It ends on sign-out, when its user is deactivated,
 * or after {@code idleTimeout} without a request. Last-seen is written at most once a minute.
 */
public final class WebSessions {
    public static final int TOKEN_BYTES = 32;
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final int LONGEST_USERNAME = 100;

    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration idleTimeout;
    private final SignInThrottle throttle;
    private final String dummyHash;

    public WebSessions(Jdbi jdbi, Clock clock, Duration idleTimeout, SignInThrottle throttle, int bcryptCost) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.throttle = throttle;
        this.dummyHash = Passwords.hash(Passwords.randomUrlToken(16), bcryptCost);
    }

    /** Checks the password and, when right, opens a session. */
    public SignIn signIn(String username, String password) {
        String name = username == null ? "" : username.strip();
        if (name.isEmpty() || name.length() > LONGEST_USERNAME) {
            Passwords.verify(password == null ? "" : password, dummyHash);
            return new SignIn.Refused();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<OffsetDateTime> locked = dao(d -> d.lockedUntil(name, now));
        if (locked.isPresent()) {
            return new SignIn.Locked(SignInThrottle.retryAfterSeconds(locked.get(), now));
        }
        Optional<UserDAO.StoredUser> stored = jdbi.withExtension(UserDAO.class, users -> users.findActive(name));
        boolean right = Passwords.verify(
                password == null ? "" : password,
                stored.map(UserDAO.StoredUser::passwordHash).orElse(dummyHash));
        if (!right || stored.isEmpty()) {
            return failed(name, now);
        }
        return opened(stored.get().toUser(), now);
    }

    private SignIn failed(String username, OffsetDateTime now) {
        return jdbi.inTransaction(h -> {
            WebSessionDAO dao = h.attach(WebSessionDAO.class);
            if (!throttle.locks(dao.recordFailure(username, now))) {
                return new SignIn.Refused();
            }
            OffsetDateTime until = throttle.lockedUntil(now);
            dao.lock(username, until);
            return new SignIn.Locked(SignInThrottle.retryAfterSeconds(until, now));
        });
    }

    private SignIn opened(User user, OffsetDateTime now) {
        String token = Passwords.randomUrlToken(TOKEN_BYTES);
        String csrf = Passwords.randomUrlToken(TOKEN_BYTES);
        String officeName = jdbi.inTransaction(h -> {
            WebSessionDAO dao = h.attach(WebSessionDAO.class);
            dao.clearFailures(user.username());
            dao.deleteIdle(now.minus(idleTimeout));
            dao.insert(Passwords.tokenHash(token), user.username(), csrf, now);
            return dao.findLive(Passwords.tokenHash(token), now.minus(idleTimeout))
                    .map(WebSessionDAO.SessionRow::officeName)
                    .orElse(null);
        });
        return new SignIn.Success(token, new WebSession(user, officeName, csrf));
    }

    /** The session of this cookie token, when it is live and its user still active. */
    public Optional<WebSession> find(String token) {
        if (token == null || token.isEmpty() || token.length() > 200) {
            return Optional.empty();
        }
        String hash = Passwords.tokenHash(token);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<WebSessionDAO.SessionRow> row = dao(d -> d.findLive(hash, now.minus(idleTimeout)));
        row.filter(r -> r.lastSeenAt().isBefore(now.minus(TOUCH_EVERY))).ifPresent(r -> dao(d -> d.touch(hash, now)));
        return row.map(r -> new WebSession(
                new User(r.username(), r.role(), r.officeCode(), r.agencyCode(), r.fullName()),
                r.officeName(),
                r.csrfToken()));
    }

    /** Ends the session of this cookie token (nothing when there is none). */
    public void signOut(String token) {
        if (token != null && !token.isEmpty()) {
            dao(d -> d.delete(Passwords.tokenHash(token)));
        }
    }

    private <T> T dao(java.util.function.Function<WebSessionDAO, T> work) {
        return jdbi.withExtension(WebSessionDAO.class, work::apply);
    }
}
