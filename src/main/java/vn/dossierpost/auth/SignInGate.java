package vn.dossierpost.auth;

import com.codahale.metrics.Counter;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.CaffeineSpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.db.SignInFailureDAO;
import vn.dossierpost.db.SignInLookup;
import vn.dossierpost.db.UserDAO;
import vn.dossierpost.domain.PasswordPolicy;
import vn.dossierpost.domain.User;

/**
 * The one gate every password goes through, HTTP Basic on the API and the {@code /login} form alike.
 *
 * <ul>
 *   <li>A username or a client address locked by wrong passwords gets "wait" before any bcrypt runs:
 *       wrong passwords cannot keep a node busy with bcrypt. They are counted for both subjects by
 *       the same rule ({@link SignInThrottle}), each with its own limit, in PostgreSQL, so every node
 *       sees the same counts.
 *   <li>An unknown username, a disabled user and a user without a password are checked against a
 *       dummy hash made at start with the configured cost: every sign-in attempt costs one bcrypt
 *       (counted in {@code bcryptChecks}), so neither the answer nor its timing tells which
 *       usernames exist. A password over 72 bytes is refused without bcrypt, whoever it is for.
 *   <li>A password verified once is remembered for Basic, which sends it with every request, under
 *       the username and an HMAC of the password with a key made at start (never the password
 *       itself), together with the user's credentials version. It counts only while the version in
 *       the database is still the same, and that is read on every request: a disabled user, a new
 *       password or a revoked token is refused by the very next request on every node.
 * </ul>
 */
public final class SignInGate {
    static final int LONGEST_USERNAME = 100;
    private static final int LONGEST_CLIENT = 100;

    /** What the gate answers. */
    public sealed interface Answer {
        record Admitted(User user) implements Answer {}

        /** Wrong username or password; which of the two is never said. */
        record Refused() implements Answer {}

        /** Too many wrong passwords for the username or from the client: wait this many seconds. */
        record Locked(long retryAfterSeconds) implements Answer {}
    }

    private final Jdbi jdbi;
    private final SignInLookup lookup;
    private final Clock clock;
    private final SignInThrottle perUsername;
    private final SignInThrottle perClient;
    private final String dummyHash;
    private final Cache<String, Long> verified;
    private final Counter bcryptChecks;
    private final SecretKeySpec rememberKey;

    public SignInGate(
            Jdbi jdbi,
            SignInLookup lookup,
            Clock clock,
            SignInThrottle perUsername,
            SignInThrottle perClient,
            int bcryptCost,
            CaffeineSpec remembered,
            Counter bcryptChecks) {
        this.jdbi = jdbi;
        this.lookup = lookup;
        this.clock = clock;
        this.perUsername = perUsername;
        this.perClient = perClient;
        this.dummyHash = Passwords.hash(Passwords.randomUrlToken(16), bcryptCost);
        this.verified = Caffeine.from(remembered).build();
        this.bcryptChecks = bcryptChecks;
        this.rememberKey = new SecretKeySpec(Base64.getUrlDecoder().decode(Passwords.randomUrlToken(32)), "HmacSHA256");
    }

    /**
     * Checks a password. {@code remember}: whether a right one may be remembered on this node (for
     * Basic; the sign-in form opens a session instead).
     */
    public Answer check(String username, String password, String client, boolean remember) {
        String name = username == null ? "" : username;
        String pass = password == null ? "" : password;
        String from = client == null || client.isEmpty() ? "unknown" : cut(client);
        // an empty or absurd username (too long, control characters such as NUL, which PostgreSQL
        // text cannot hold) names nobody: counted against the client only, and looked up nowhere
        String counted = plausible(name) ? name : null;
        OffsetDateTime now = OffsetDateTime.now(clock);
        SignInLookup.Found found = lookup.find(counted, from, now);
        if (found.lockedUntil().isPresent()) {
            return new Answer.Locked(
                    SignInThrottle.retryAfterSeconds(found.lockedUntil().get(), now));
        }
        Optional<UserDAO.StoredUser> stored = found.user();
        String key = remember && stored.isPresent() ? rememberKey(name, pass) : null;
        if (key != null
                && Objects.equals(verified.getIfPresent(key), stored.get().credentialsVersion())) {
            return new Answer.Admitted(stored.get().toUser());
        }
        boolean right = PasswordPolicy.fitsBcrypt(pass)
                && bcrypt(pass, stored.map(UserDAO.StoredUser::passwordHash).orElse(dummyHash))
                && stored.isPresent();
        if (!right) {
            return failed(counted, from, now);
        }
        if (key != null) {
            verified.put(key, stored.get().credentialsVersion());
        }
        jdbi.useExtension(SignInFailureDAO.class, d -> d.clear(SignInFailureDAO.USERNAME, counted));
        return new Answer.Admitted(stored.get().toUser());
    }

    /** The dummy hash unknown usernames are checked against (its cost is the configured one). */
    String dummyHash() {
        return dummyHash;
    }

    private boolean bcrypt(String password, String hash) {
        bcryptChecks.inc();
        return Passwords.verify(password, hash);
    }

    /**
     * Counts the failure for the username and the client. Single statements, no transaction: two
     * nodes counting at once never wait on each other (at worst both lock, which is the same lock).
     */
    private Answer failed(String username, String client, OffsetDateTime now) {
        return jdbi.withExtension(SignInFailureDAO.class, dao -> {
            dao.deleteOld(earlier(perUsername.forgetBefore(now), perClient.forgetBefore(now)));
            OffsetDateTime until =
                    username == null ? null : counted(dao, SignInFailureDAO.USERNAME, username, perUsername, now);
            OffsetDateTime clientUntil = counted(dao, SignInFailureDAO.CLIENT, client, perClient, now);
            if (until == null || (clientUntil != null && clientUntil.isAfter(until))) {
                until = clientUntil;
            }
            return until == null
                    ? new Answer.Refused()
                    : new Answer.Locked(SignInThrottle.retryAfterSeconds(until, now));
        });
    }

    /** Counts one failure for the subject; when that locks it, until when. */
    private static OffsetDateTime counted(
            SignInFailureDAO dao, String kind, String subject, SignInThrottle throttle, OffsetDateTime now) {
        if (!throttle.locks(dao.recordFailure(kind, subject, now, throttle.forgetBefore(now)))) {
            return null;
        }
        OffsetDateTime until = throttle.lockedUntil(now);
        dao.lock(kind, subject, until);
        return until;
    }

    private static OffsetDateTime earlier(OffsetDateTime a, OffsetDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    /** Whether a username as typed could be anyone's (the {@code user} command allows far less). */
    static boolean plausible(String username) {
        return !username.isEmpty()
                && username.length() <= LONGEST_USERNAME
                && username.chars().noneMatch(Character::isISOControl);
    }

    private static String cut(String client) {
        return client.length() > LONGEST_CLIENT ? client.substring(0, LONGEST_CLIENT) : client;
    }

    private String rememberKey(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(rememberKey);
            byte[] digest = mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
            return username + "\u0000" + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
