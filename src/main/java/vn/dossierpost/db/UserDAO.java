package vn.dossierpost.db;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.User;

/** Staff and machine accounts. */
public interface UserDAO {

    record StoredUser(
            String username, String passwordHash, Role role, String officeCode, String agencyCode, String fullName) {
        public User toUser() {
            return new User(username, role, officeCode, agencyCode, fullName);
        }
    }

    @SqlQuery(
            "SELECT username, password_hash, role, office_code, agency_code, full_name FROM app_user WHERE username = :u AND active")
    @RegisterConstructorMapper(StoredUser.class)
    Optional<StoredUser> findActive(@Bind("u") String username);

    @SqlQuery(
            "SELECT username, password_hash, role, office_code, agency_code, full_name FROM app_user WHERE token_hash = :h AND active")
    @RegisterConstructorMapper(StoredUser.class)
    Optional<StoredUser> findByTokenHash(@Bind("h") String tokenHash);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM app_user WHERE username = :u)")
    boolean exists(@Bind("u") String username);

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

    @SqlUpdate("UPDATE app_user SET token_hash = :h WHERE username = :u")
    int setTokenHash(@Bind("u") String username, @Bind("h") String tokenHash);
}
