package vn.dossierpost.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.db.WebSessionDAO;
import vn.dossierpost.domain.User;

/**
 * Staff sign-in to the web pages and their sessions, kept in PostgreSQL so that any node serves them.
 *
 * <p>Passwords are the API's (bcrypt in {@code app_user}), checked by the same {@link SignInGate} as
 * HTTP Basic: the same answer and the same bcrypt for an unknown username as for a wrong password,
 * wrong passwords limited per username and per client address.
 *
 * <p>A session is a random token of {@value #TOKEN_BYTES} bytes in the cookie; the table keeps only
 * its SHA-256, with a CSRF token of the same size. It ends on sign-out, when its user is disabled or
 * given a new password (service/users/UserAccounts deletes its rows), or after {@code idleTimeout}
 * without a request. Last-seen is written at most once a minute.
 */
public final class WebSessions {
    public static final int TOKEN_BYTES = 32;
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration idleTimeout;
    private final SignInGate gate;

    public WebSessions(Jdbi jdbi, Clock clock, Duration idleTimeout, SignInGate gate) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.gate = gate;
    }

    /** Checks the password of a sign-in from {@code client} and, when right, opens a session. */
    public SignIn signIn(String username, String password, String client) {
        String name = username == null ? "" : username.strip();
        SignInGate.Answer answer = gate.check(name, password, client, false);
        if (answer instanceof SignInGate.Answer.Admitted admitted) {
            return opened(admitted.user(), OffsetDateTime.now(clock));
        }
        if (answer instanceof SignInGate.Answer.Locked locked) {
            return new SignIn.Locked(locked.retryAfterSeconds());
        }
        return new SignIn.Refused();
    }

    private SignIn opened(User user, OffsetDateTime now) {
        String token = Passwords.randomUrlToken(TOKEN_BYTES);
        String csrf = Passwords.randomUrlToken(TOKEN_BYTES);
        String officeName = jdbi.inTransaction(h -> {
            WebSessionDAO dao = h.attach(WebSessionDAO.class);
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
