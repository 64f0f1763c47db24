package vn.dossierpost.db;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import vn.dossierpost.domain.Role;

/**
 * Web sessions (kept by the SHA-256 of their cookie token, never the token) and the count of wrong
 * passwords in a row per username. The rules are in {@code auth/WebSessions}.
 */
public interface WebSessionDAO {

    /** A live session with its user as the pages show them (the office by name). */
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
            + "o.name AS office_name FROM web_session s JOIN app_user u ON u.username = s.username AND u.active "
            + "LEFT JOIN post_office o ON o.code = u.office_code "
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

    /** Until when the username is locked, if it is. */
    @SqlQuery("SELECT locked_until FROM web_sign_in_failure WHERE username = :u AND locked_until > :now")
    Optional<OffsetDateTime> lockedUntil(@Bind("u") String username, @Bind("now") OffsetDateTime now);

    /** Counts one more wrong password in a row and returns the count. */
    @SqlQuery("INSERT INTO web_sign_in_failure (username, failures, last_failure_at) VALUES (:u, 1, :at) "
            + "ON CONFLICT (username) DO UPDATE SET failures = web_sign_in_failure.failures + 1, "
            + "last_failure_at = :at RETURNING failures")
    int recordFailure(@Bind("u") String username, @Bind("at") OffsetDateTime at);

    /** Locks the username until {@code until}; the count starts again after the lock. */
    @SqlUpdate("UPDATE web_sign_in_failure SET failures = 0, locked_until = :until WHERE username = :u")
    int lock(@Bind("u") String username, @Bind("until") OffsetDateTime until);

    @SqlUpdate("DELETE FROM web_sign_in_failure WHERE username = :u")
    int clearFailures(@Bind("u") String username);
}
