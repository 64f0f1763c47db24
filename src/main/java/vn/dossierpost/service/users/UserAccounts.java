package vn.dossierpost.service.users;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.FieldProblem;
import vn.dossierpost.api.UserView;
import vn.dossierpost.auth.Passwords;
import vn.dossierpost.db.SignInFailureDAO;
import vn.dossierpost.db.UserDAO;
import vn.dossierpost.db.WebSessionDAO;
import vn.dossierpost.domain.PasswordPolicy;
import vn.dossierpost.domain.Role;
import vn.dossierpost.service.Problem;

/**
 * Disabling and enabling users, new passwords, new and revoked tokens: for administrators over the
 * API and for operators with the {@code user} command, by the same rules.
 *
 * <p>Every change raises the user's credentials version in the same transaction, and nodes compare
 * it on every request (auth/SignInGate; tokens are not cached at all), so the change holds on the
 * very next request on every node. Disabling a user or giving them a new password also ends their
 * web sessions; a new password clears the username's count of wrong passwords (an administrator
 * resets a locked-out clerk's password and the clerk signs in at once).
 */
public final class UserAccounts {
    /** Who a change by the {@code user} command is recorded as. */
    public static final String COMMAND = "command";

    /** What a username may be, here and for the {@code user add} command. */
    public static final Pattern USERNAME = Pattern.compile("^[a-z0-9._-]{3,64}$");

    private final Jdbi jdbi;
    private final Clock clock;
    private final PasswordPolicy policy;
    private final int bcryptCost;

    public UserAccounts(Jdbi jdbi, Clock clock, PasswordPolicy policy, int bcryptCost) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.policy = policy;
        this.bcryptCost = bcryptCost;
    }

    /** A new user and the one-time password to hand them (shown once; only its hash is kept). */
    public record Created(UserView user, String password) {}

    /**
     * Adds a member of staff with a generated password, by the rules of the {@code user add}
     * command: a clerk or courier belongs to an office, an agency's user to an agency, no one to both.
     */
    public Created create(String username, String role, String office, String agency, String fullName, String by) {
        List<FieldProblem> problems = new ArrayList<>();
        if (username == null || !USERNAME.matcher(username).matches()) {
            problems.add(new FieldProblem("username", "3 to 64 characters among a-z 0-9 . _ -"));
        }
        Role r = role(role, problems);
        String officeCode = blankToNull(office);
        String agencyCode = blankToNull(agency);
        if (r != null && r.needsOffice() && officeCode == null) {
            problems.add(new FieldProblem("officeCode", "is required for " + r));
        }
        if (r != null && r.needsAgency() && agencyCode == null) {
            problems.add(new FieldProblem("agencyCode", "is required for " + r));
        }
        if (officeCode != null && agencyCode != null) {
            problems.add(new FieldProblem("agencyCode", "a user belongs to an office or an agency, not both"));
        }
        if (fullName != null && fullName.length() > 200) {
            problems.add(new FieldProblem("fullName", "at most 200 characters"));
        }
        String password = newPassword();
        String hash = problems.isEmpty() ? Passwords.hash(password, bcryptCost) : null;
        UserView created = jdbi.inTransaction(h -> {
            UserDAO users = h.attach(UserDAO.class);
            if (officeCode != null && !users.officeExists(officeCode)) {
                problems.add(new FieldProblem("officeCode", "unknown post office " + officeCode));
            }
            if (agencyCode != null && !users.agencyExists(agencyCode)) {
                problems.add(new FieldProblem("agencyCode", "unknown agency " + agencyCode));
            }
            if (username != null && problems.isEmpty() && users.exists(username)) {
                problems.add(new FieldProblem("username", "user " + username + " already exists"));
            }
            if (!problems.isEmpty()) {
                throw Problem.invalid(problems);
            }
            users.insert(username, null, null, r, officeCode, agencyCode, blankToNull(fullName));
            users.setPasswordHash(username, hash, now(), by);
            return view(users.find(username).orElseThrow());
        });
        return new Created(created, password);
    }

    private static Role role(String role, List<FieldProblem> problems) {
        try {
            return Role.valueOf(role);
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(new FieldProblem("role", "one of COUNTER, COURIER, AGENCY, SUPERVISOR, ADMIN"));
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A random password of 12 characters, or as many as the policy asks if it asks more. */
    private String newPassword() {
        int length = Math.max(12, policy.minLength());
        return Passwords.randomUrlToken(length).substring(0, length);
    }

    /** A new password made for the user (shown once to the administrator who hands it over). */
    public String resetPassword(String username, String by) {
        String password = newPassword();
        setPassword(username, password, by, "password");
        return password;
    }

    public List<UserView> list() {
        return jdbi.withExtension(UserDAO.class, UserDAO::list).stream()
                .map(UserAccounts::view)
                .toList();
    }

    /**
     * Disables ({@code true}) or enables the user. An administrator cannot disable themselves over
     * the API: the last administrator would be locked out with no way back but the command line.
     */
    public UserView setDisabled(String username, Boolean disabled, String by) {
        if (disabled == null) {
            throw Problem.invalid("disabled", "true to disable the user, false to enable them");
        }
        if (disabled && username.equals(by)) {
            throw Problem.invalid(
                    "disabled", "an administrator cannot disable their own account (another administrator can)");
        }
        return change(username, by, h -> {
            h.attach(UserDAO.class).setActive(username, !disabled, now(), by);
            if (disabled) {
                h.attach(WebSessionDAO.class).deleteAllOf(username);
            }
            return null;
        });
    }

    /** Sets a new password: 422 naming {@code field} when it breaks the policy. */
    public UserView setPassword(String username, String password, String by, String field) {
        policy.problem(password).ifPresent(problem -> {
            throw Problem.invalid(field, problem);
        });
        requireUser(username); // before the bcrypt: an unknown user is a 404 at once
        String hash = Passwords.hash(password, bcryptCost);
        return change(username, by, h -> {
            h.attach(UserDAO.class).setPasswordHash(username, hash, now(), by);
            h.attach(WebSessionDAO.class).deleteAllOf(username);
            h.attach(SignInFailureDAO.class).clear(SignInFailureDAO.USERNAME, username);
            return null;
        });
    }

    /** The user's bearer token no longer works; nothing to revoke is not an error. */
    public UserView revokeToken(String username, String by) {
        return change(username, by, h -> h.attach(UserDAO.class).setTokenHash(username, null, now(), by));
    }

    /** Issues a new bearer token, replacing the old one (which stops working at once); returns it. */
    public String newToken(String username, String by) {
        String token = Passwords.newToken();
        change(
                username,
                by,
                h -> h.attach(UserDAO.class).setTokenHash(username, Passwords.tokenHash(token), now(), by));
        return token;
    }

    private UserView change(String username, String by, Function<Handle, Object> work) {
        requireUser(username);
        return jdbi.inTransaction(h -> {
            UserDAO users = h.attach(UserDAO.class);
            if (users.find(username).isEmpty()) {
                throw Problem.notFound("no user " + username);
            }
            work.apply(h);
            return view(users.find(username).orElseThrow());
        });
    }

    /** 404 for a username nobody has, including one the database could not even look up (NUL, a megabyte). */
    private void requireUser(String username) {
        if (username == null
                || username.isEmpty()
                || username.length() > 100
                || username.chars().anyMatch(Character::isISOControl)
                || !jdbi.withExtension(UserDAO.class, users -> users.exists(username))) {
            throw Problem.notFound("no user " + username);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static UserView view(UserDAO.UserRow row) {
        return new UserView(
                row.username(),
                row.role().name(),
                row.officeCode(),
                row.agencyCode(),
                row.fullName(),
                row.active(),
                row.hasPassword(),
                row.hasToken(),
                row.credentialsChangedAt(),
                row.credentialsChangedBy());
    }
}
