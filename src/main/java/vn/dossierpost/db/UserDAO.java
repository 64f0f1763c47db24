package vn.dossierpost.db;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.User;

/**
 * Staff and machine accounts. Every change of a password, token or the active flag raises
 * {@code credentials_version}, which the authenticators compare with what they remember.
 */
public interface UserDAO {
    String COLUMNS = "username, password_hash, role, office_code, agency_code, full_name, credentials_version";
    String BUMP = "credentials_version = credentials_version + 1, credentials_changed_at = :at, "
            + "credentials_changed_by = :by";

    record StoredUser(
            String username,
            String passwordHash,
            Role role,
            String officeCode,
            String agencyCode,
            String fullName,
            long credentialsVersion) {
        public User toUser() {
            return new User(username, role, officeCode, agencyCode, fullName);
        }
    }

    /** A user as an administrator sees them: never a hash, only whether there is one. */
    record UserRow(
            String username,
            Role role,
            String officeCode,
            String agencyCode,
            String fullName,
            boolean active,
            boolean hasPassword,
            boolean hasToken,
            long credentialsVersion,
            OffsetDateTime credentialsChangedAt,
            String credentialsChangedBy) {}

    @SqlQuery("SELECT " + COLUMNS + " FROM app_user WHERE username = :u AND active")
    @RegisterConstructorMapper(StoredUser.class)
    Optional<StoredUser> findActive(@Bind("u") String username);

    @SqlQuery("SELECT " + COLUMNS + " FROM app_user WHERE token_hash = :h AND active")
    @RegisterConstructorMapper(StoredUser.class)
    Optional<StoredUser> findByTokenHash(@Bind("h") String tokenHash);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM app_user WHERE username = :u)")
    boolean exists(@Bind("u") String username);

    String ROW = "SELECT username, role, office_code, agency_code, full_name, active, "
            + "password_hash IS NOT NULL AS has_password, token_hash IS NOT NULL AS has_token, "
            + "credentials_version, credentials_changed_at, credentials_changed_by FROM app_user";

    @SqlQuery(ROW + " ORDER BY username")
    @RegisterConstructorMapper(UserRow.class)
    List<UserRow> list();

    @SqlQuery(ROW + " WHERE username = :u")
    @RegisterConstructorMapper(UserRow.class)
    Optional<UserRow> find(@Bind("u") String username);

    @SqlUpdate("INSERT INTO app_user (username, password_hash, token_hash, role, office_code, agency_code, full_name) "
            + "VALUES (:username, :passwordHash, :tokenHash, :role, :officeCode, :agencyCode, :fullName)")
    void insert(
            @Bind("username") String username,
            @Bind("passwordHash") String passwordHash,
            @Bind("tokenHash") String tokenHash,
            @Bind("role") Role role,
            @Bind("officeCode") String officeCode,
            @Bind("agencyCode") String agencyCode,
            @Bind("fullName") String fullName);

    /** A new token hash, or none ({@code null}: the token is revoked). */
    @SqlUpdate("UPDATE app_user SET token_hash = :h, " + BUMP + " WHERE username = :u")
    int setTokenHash(
            @Bind("u") String username,
            @Bind("h") String tokenHash,
            @Bind("at") OffsetDateTime at,
            @Bind("by") String by);

    @SqlUpdate("UPDATE app_user SET password_hash = :h, " + BUMP + " WHERE username = :u")
    int setPasswordHash(
            @Bind("u") String username,
            @Bind("h") String passwordHash,
            @Bind("at") OffsetDateTime at,
            @Bind("by") String by);

    @SqlUpdate("UPDATE app_user SET active = :active, " + BUMP + " WHERE username = :u")
    int setActive(
            @Bind("u") String username,
            @Bind("active") boolean active,
            @Bind("at") OffsetDateTime at,
            @Bind("by") String by);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM post_office WHERE code = :c)")
    boolean officeExists(@Bind("c") String code);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM agency WHERE code = :c)")
    boolean agencyExists(@Bind("c") String code);
}
