package vn.dossierpost.db;

import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Claims on agency inbox files shared by several nodes (migration 033, table inbox_claim). Every time
 * is the database's clock ({@code now()}): the nodes' clocks may differ, and a node whose clock runs
 * ahead would otherwise take live claims for dead ones.
 */
public interface InboxClaimDAO {

    /**
     * Claims a file for {@code node}: a new row, or the row of a claim older than {@code timeoutSeconds}
     * (its node died mid-file) taken over. Concurrent claims of one key queue on the row: the first
     * wins and the others find a live claim. The claimant when it is {@code node}, else nothing.
     */
    @SqlQuery("INSERT INTO inbox_claim AS c (claim_key, claimed_by, claimed_at) VALUES (:key, :node, now()) "
            + "ON CONFLICT (claim_key) DO UPDATE SET claimed_by = :node, claimed_at = now() "
            + "WHERE c.claimed_at < now() - make_interval(secs => :timeoutSeconds) "
            + "RETURNING claimed_by")
    Optional<String> claim(
            @Bind("key") String key, @Bind("node") String node, @Bind("timeoutSeconds") double timeoutSeconds);

    /** Whether a claim younger than {@code timeoutSeconds} holds the key (whichever node holds it). */
    @SqlQuery("SELECT EXISTS (SELECT 1 FROM inbox_claim WHERE claim_key = :key "
            + "AND claimed_at >= now() - make_interval(secs => :timeoutSeconds))")
    boolean held(@Bind("key") String key, @Bind("timeoutSeconds") double timeoutSeconds);

    /** Drops the node's own claim on the key; a claim another node took over stays. */
    @SqlUpdate("DELETE FROM inbox_claim WHERE claim_key = :key AND claimed_by = :node")
    int release(@Bind("key") String key, @Bind("node") String node);

    /** Drops every claim of the node. */
    @SqlUpdate("DELETE FROM inbox_claim WHERE claimed_by = :node")
    int releaseAll(@Bind("node") String node);

    /** Deletes the claims older than {@code seconds}: their files are long applied or left to an operator. */
    @SqlUpdate("DELETE FROM inbox_claim WHERE claimed_at < now() - make_interval(secs => :seconds)")
    int forgetOlderThan(@Bind("seconds") double seconds);
}
