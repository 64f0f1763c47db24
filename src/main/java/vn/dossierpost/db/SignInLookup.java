package vn.dossierpost.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import javax.sql.DataSource;
import vn.dossierpost.domain.Role;

/**
 * What the sign-in gate reads on every request that carries a password (HTTP Basic sends it with
 * each one): the running lock of the username or the client, and the active user of that name. One
 * statement in plain JDBC, like {@link IntakeWriter}: read through two SqlObject calls these two
 * lookups cost a third of an intake's CPU in the service (attaching the extension and binding),
 * more than the intake's own checks.
 */
public final class SignInLookup {
    /** The lock still running, if any, and the active user, if there is one of that name. */
    public record Found(Optional<OffsetDateTime> lockedUntil, Optional<UserDAO.StoredUser> user) {}

    /**
     * The latest lock still running among the username's and the client's rows of
     * {@code sign_in_failure}, and the user as {@link UserDAO#findActive} reads it; a null username
     * matches no row of either.
     */
    static final String LOOKUP = "SELECT (SELECT max(locked_until) FROM sign_in_failure WHERE locked_until > ? "
            + "AND ((kind = 'USERNAME' AND subject = ?) OR (kind = 'CLIENT' AND subject = ?))) AS locked_until, "
            + "u.username, u.password_hash, u.role, u.office_code, u.agency_code, u.full_name, u.credentials_version "
            + "FROM (SELECT 1) AS one LEFT JOIN app_user u ON u.username = ? AND u.active";

    private final DataSource dataSource;

    public SignInLookup(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Found find(String username, String client, OffsetDateTime now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(LOOKUP)) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true); // a read on its own: no transaction left open in the pool
            }
            ps.setObject(1, now);
            ps.setString(2, username);
            ps.setString(3, client);
            ps.setString(4, username);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Optional<OffsetDateTime> locked = Optional.ofNullable(rs.getObject(1, OffsetDateTime.class));
                String name = rs.getString(2);
                Optional<UserDAO.StoredUser> user = name == null
                        ? Optional.empty()
                        : Optional.of(new UserDAO.StoredUser(
                                name,
                                rs.getString(3),
                                Role.valueOf(rs.getString(4)),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7),
                                rs.getLong(8)));
                return new Found(locked, user);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up the sign-in of " + username, e);
        }
    }
}
