package vn.dossierpost.db;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import vn.dossierpost.domain.Role;

/**
 * Web sessions, kept by the SHA-256 of their cookie token, never the token. The rules are in
 * {@code auth/WebSessions}; wrong passwords are counted in {@link SignInFailureDAO}.
 */
public interface WebSessionDAO {

    /** A live session with its user as the pages show them (the office, or the agency, by name). */
    record SessionRow(
            String csrfToken,
            OffsetDateTime lastSeenAt,
            String username,
            Role role,
            String officeCode,
            String agencyCode,
            String fullName,
            String officeName) {}

    @SqlUpdate("INSERT INTO web_session (token_hash, username, csrf_token, created_at, last_seen_at) "
            + "VALUES (:h, :u, :csrf, :at, :at)")
    void insert(
            @Bind("h") String tokenHash,
            @Bind("u") String username,
            @Bind("csrf") String csrfToken,
            @Bind("at") OffsetDateTime at);

    /** The session when it was seen after {@code since} and its user is still active. */
    @SqlQuery("SELECT s.csrf_token, s.last_seen_at, u.username, u.role, u.office_code, u.agency_code, u.full_name, "
            + "coalesce(o.name, a.name) AS office_name FROM web_session s "
            + "JOIN app_user u ON u.username = s.username AND u.active "
            + "LEFT JOIN post_office o ON o.code = u.office_code LEFT JOIN agency a ON a.code = u.agency_code "
            + "WHERE s.token_hash = :h AND s.last_seen_at > :since")
    @RegisterConstructorMapper(SessionRow.class)
    Optional<SessionRow> findLive(@Bind("h") String tokenHash, @Bind("since") OffsetDateTime since);

    @SqlUpdate("UPDATE web_session SET last_seen_at = :at WHERE token_hash = :h")
    int touch(@Bind("h") String tokenHash, @Bind("at") OffsetDateTime at);

    @SqlUpdate("DELETE FROM web_session WHERE token_hash = :h")
    int delete(@Bind("h") String tokenHash);

    /** Sessions idle since before {@code before}: they no longer work, so their rows go. */
    @SqlUpdate("DELETE FROM web_session WHERE last_seen_at < :before")
    int deleteIdle(@Bind("before") OffsetDateTime before);

    /** Ends every session of a user (disabled, or a new password). */
    @SqlUpdate("DELETE FROM web_session WHERE username = :u")
    int deleteAllOf(@Bind("u") String username);
}
