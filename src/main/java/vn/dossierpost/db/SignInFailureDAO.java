package vn.dossierpost.db;

import java.time.OffsetDateTime;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Wrong passwords counted per subject: a username as typed ({@code USERNAME}) or a client address
 * ({@code CLIENT}). The rule (how many, for how long) is {@code auth/SignInThrottle}.
 */
public interface SignInFailureDAO {
    String USERNAME = "USERNAME";
    String CLIENT = "CLIENT";

    // The running lock of a username or a client is read by SignInLookup, with the user, in one statement.

    /**
     * Counts one more wrong password and returns the count; a count whose last failure is older
     * than {@code forgetBefore} starts again at one.
     */
    @SqlQuery("INSERT INTO sign_in_failure (kind, subject, failures, last_failure_at) VALUES (:k, :s, 1, :at) "
            + "ON CONFLICT (kind, subject) DO UPDATE SET failures = CASE "
            + "WHEN sign_in_failure.last_failure_at < :forget THEN 1 ELSE sign_in_failure.failures + 1 END, "
            + "last_failure_at = :at RETURNING failures")
    int recordFailure(
            @Bind("k") String kind,
            @Bind("s") String subject,
            @Bind("at") OffsetDateTime at,
            @Bind("forget") OffsetDateTime forgetBefore);

    /** Locks the subject until {@code until}; the count starts again after the lock. */
    @SqlUpdate("UPDATE sign_in_failure SET failures = 0, locked_until = :until WHERE kind = :k AND subject = :s")
    int lock(@Bind("k") String kind, @Bind("s") String subject, @Bind("until") OffsetDateTime until);

    @SqlUpdate("DELETE FROM sign_in_failure WHERE kind = :k AND subject = :s")
    int clear(@Bind("k") String kind, @Bind("s") String subject);

    /** Rows that no longer count nor lock. */
    @SqlUpdate("DELETE FROM sign_in_failure WHERE last_failure_at < :before "
            + "AND (locked_until IS NULL OR locked_until < :before)")
    int deleteOld(@Bind("before") OffsetDateTime before);
}
