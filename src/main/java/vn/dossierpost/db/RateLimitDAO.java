package vn.dossierpost.db;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Token buckets shared by every node (migration 031, table rate_limit): one statement takes a token,
 * refilling the bucket for the time since it was last refilled, by the database's clock (the nodes'
 * clocks may differ). The row lock of the upsert makes concurrent takes of one client queue, so a
 * bucket never gives out more than it holds.
 */
public interface RateLimitDAO {

    /** 1 when the client's bucket had a token (now taken), 0 when it is empty. */
    @SqlUpdate("INSERT INTO rate_limit AS r (bucket, client, tokens, refilled_at) "
            + "VALUES (:bucket, :client, :burst - 1, now()) "
            + "ON CONFLICT (bucket, client) DO UPDATE SET "
            + "tokens = LEAST(:burst, r.tokens + EXTRACT(EPOCH FROM now() - r.refilled_at) * :perSecond) - 1, "
            + "refilled_at = now() "
            + "WHERE LEAST(:burst, r.tokens + EXTRACT(EPOCH FROM now() - r.refilled_at) * :perSecond) >= 1")
    int take(
            @Bind("bucket") String bucket,
            @Bind("client") String client,
            @Bind("burst") double burst,
            @Bind("perSecond") double perSecond);

    /** Forgets buckets not used for {@code seconds}: full again by then, the same as no row. */
    @SqlUpdate(
            "DELETE FROM rate_limit WHERE bucket = :bucket AND refilled_at < now() - make_interval(secs => :seconds)")
    int forgetFull(@Bind("bucket") String bucket, @Bind("seconds") double seconds);
}
