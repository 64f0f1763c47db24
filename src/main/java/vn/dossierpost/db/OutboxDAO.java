package vn.dossierpost.db;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Work that must leave the system, written in the transaction of the change that causes it, and
 * claimed by senders with {@code FOR UPDATE SKIP LOCKED} and a lease: several senders (threads or
 * nodes) never take the same row at once, and a sender that dies without finishing only holds its
 * rows until the lease runs out.
 */
public interface OutboxDAO {
    /** A digitised dossier waiting to be put in a handover to its agency. */
    String HANDOVER = "HANDOVER";
    /** A handover to send to its agency (or to send again). */
    String HANDOVER_SEND = "HANDOVER_SEND";

    /** A notice to an agency about its result: delivered to the applicant, or returned undelivered. */
    String AGENCY_NOTICE = "AGENCY_NOTICE";

    record Claimed(
            long id,
            String kind,
            Long dossierId,
            String agencyCode,
            Long handoverId,
            int attempts,
            OffsetDateTime createdAt) {}

    record Queued(long id, long dossierId) {}

    @SqlUpdate(
            "INSERT INTO outbox (kind, dossier_id, agency_code, created_at, available_at) VALUES (:kind, :dossierId, :agency, :at, :at)")
    void enqueue(
            @Bind("kind") String kind,
            @Bind("dossierId") long dossierId,
            @Bind("agency") String agencyCode,
            @Bind("at") OffsetDateTime at);

    /** As {@link #enqueue} for a HANDOVER, unless the dossier is already waiting for one (a second supplement request, say). */
    @SqlUpdate(
            "INSERT INTO outbox (kind, dossier_id, agency_code, created_at, available_at) VALUES ('HANDOVER', :dossierId, :agency, :at, :at) "
                    + "ON CONFLICT (dossier_id) WHERE kind = 'HANDOVER' AND done_at IS NULL DO NOTHING")
    void enqueueHandoverOnce(
            @Bind("dossierId") long dossierId, @Bind("agency") String agencyCode, @Bind("at") OffsetDateTime at);

    @SqlUpdate(
            "INSERT INTO outbox (kind, handover_id, agency_code, created_at, available_at) VALUES ('HANDOVER_SEND', :handoverId, :agency, :at, :at)")
    void enqueueSend(
            @Bind("handoverId") long handoverId, @Bind("agency") String agencyCode, @Bind("at") OffsetDateTime at);

    /** Up to {@code limit} of one agency's rows of a kind that are due and not leased, oldest first, leased until {@code leaseUntil}. */
    @SqlQuery(
            "UPDATE outbox o SET lease_until = :leaseUntil, attempts = o.attempts + 1 FROM ("
                    + "SELECT id FROM outbox WHERE kind = :kind AND agency_code = :agency AND done_at IS NULL AND available_at <= :now "
                    + "AND (lease_until IS NULL OR lease_until < :now) ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED) due "
                    + "WHERE o.id = due.id RETURNING o.id, o.kind, o.dossier_id, o.agency_code, o.handover_id, o.attempts, o.created_at")
    @RegisterConstructorMapper(Claimed.class)
    List<Claimed> claimFor(
            @Bind("kind") String kind,
            @Bind("agency") String agencyCode,
            @Bind("now") OffsetDateTime now,
            @Bind("leaseUntil") OffsetDateTime leaseUntil,
            @Bind("limit") int limit);

    /**
     * Dossiers of one agency waiting for a handover, locked for the calling transaction (which puts
     * them in a handover and marks them done before it commits: no lease is needed, a crash rolls back).
     *
     * <p>A dossier whose government fee is collected by the post is not handed over before its
     * payment is PAID: it stays queued and goes with the first batch after the payment (the post
     * remits that fee to the agency, so it must hold it first). A fee paid at the agency is not
     * in the dossier's government fee (the catalogue's fee is what the post collects), so it never
     * holds a dossier back.
     */
    @SqlQuery("SELECT o.id, o.dossier_id FROM outbox o WHERE o.kind = 'HANDOVER' AND o.agency_code = :agency "
            + "AND o.done_at IS NULL AND o.available_at <= :now "
            + "AND NOT EXISTS (SELECT 1 FROM payment p JOIN dossier d ON d.id = p.dossier_id "
            + "WHERE p.dossier_id = o.dossier_id AND d.government_fee > 0 AND p.state <> 'PAID') "
            + "ORDER BY o.id LIMIT :limit FOR UPDATE OF o SKIP LOCKED")
    @RegisterConstructorMapper(Queued.class)
    List<Queued> lockQueuedDossiers(
            @Bind("agency") String agencyCode, @Bind("now") OffsetDateTime now, @Bind("limit") int limit);

    /**
     * Extends a lease the caller still holds: the row is not done and nobody claimed it since (the
     * attempt count is the one the caller's claim set). Returns 0 when the lease was lost.
     */
    @SqlUpdate(
            "UPDATE outbox SET lease_until = :leaseUntil WHERE id = :id AND attempts = :attempts AND done_at IS NULL")
    int renew(@Bind("id") long id, @Bind("attempts") int attempts, @Bind("leaseUntil") OffsetDateTime leaseUntil);

    /**
     * Locks a claimed row for the caller's transaction if the caller's claim still holds it (the
     * fencing check before settling several tables at once): empty when another sender claimed it
     * since, or it is done. A concurrent claim skips the locked row, so the claim cannot change under
     * the settlement.
     */
    @SqlQuery("SELECT id FROM outbox WHERE id = :id AND attempts = :attempts AND done_at IS NULL FOR UPDATE")
    Optional<Long> lockIfHeld(@Bind("id") long id, @Bind("attempts") int attempts);

    /**
     * Ends a claimed row, if the claim with this attempt count still holds it: a sender whose lease ran
     * out and was claimed again (the attempt count moved on) changes nothing. Returns 0 then.
     */
    @SqlUpdate("UPDATE outbox SET done_at = :at, lease_until = NULL, last_error = NULL "
            + "WHERE id = :id AND attempts = :attempts AND done_at IS NULL")
    int done(@Bind("id") long id, @Bind("attempts") int attempts, @Bind("at") OffsetDateTime at);

    @SqlUpdate("UPDATE outbox SET done_at = :at WHERE id IN (<ids>)")
    void doneAll(@BindList("ids") List<Long> ids, @Bind("at") OffsetDateTime at);

    /** Gives a claimed row back, to be tried again from {@code availableAt} (the sender's backoff); fenced as {@link #done}. */
    @SqlUpdate("UPDATE outbox SET lease_until = NULL, available_at = :availableAt, last_error = :error "
            + "WHERE id = :id AND attempts = :attempts AND done_at IS NULL")
    int retryLater(
            @Bind("id") long id,
            @Bind("attempts") int attempts,
            @Bind("availableAt") OffsetDateTime availableAt,
            @Bind("error") String error);

    /** Queues a notice to the dossier's agency, once per dossier and notice type (the payload's {@code type}). */
    @SqlUpdate("INSERT INTO outbox (kind, dossier_id, agency_code, payload, created_at, available_at) "
            + "VALUES ('AGENCY_NOTICE', :dossierId, :agency, CAST(:payload AS jsonb), :at, :at) "
            + "ON CONFLICT (dossier_id, (payload->>'type')) WHERE kind = 'AGENCY_NOTICE' DO NOTHING")
    void enqueueNotice(
            @Bind("dossierId") long dossierId,
            @Bind("agency") String agencyCode,
            @Bind("payload") String payload,
            @Bind("at") OffsetDateTime at);

    record ClaimedNotice(long id, int attempts, OffsetDateTime createdAt, String agencyCode, String payload) {}

    /** Up to {@code limit} due notices of any agency, leased until {@code leaseUntil}. */
    @SqlQuery("UPDATE outbox o SET lease_until = :leaseUntil, attempts = o.attempts + 1 FROM ("
            + "SELECT id FROM outbox WHERE kind = 'AGENCY_NOTICE' AND done_at IS NULL AND available_at <= :now "
            + "AND (lease_until IS NULL OR lease_until < :now) ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED) due "
            + "WHERE o.id = due.id RETURNING o.id, o.attempts, o.created_at, o.agency_code, o.payload::text AS payload")
    @RegisterConstructorMapper(ClaimedNotice.class)
    List<ClaimedNotice> claimNotices(
            @Bind("now") OffsetDateTime now, @Bind("leaseUntil") OffsetDateTime leaseUntil, @Bind("limit") int limit);

    /** Given up: done, with the reason kept; fenced as {@link #done}. */
    @SqlUpdate("UPDATE outbox SET done_at = :at, lease_until = NULL, last_error = :error "
            + "WHERE id = :id AND attempts = :attempts AND done_at IS NULL")
    int givenUp(
            @Bind("id") long id,
            @Bind("attempts") int attempts,
            @Bind("at") OffsetDateTime at,
            @Bind("error") String error);

    /** Pending rows of a kind and the age of the oldest, for the health check. */
    record Backlog(long pending, OffsetDateTime oldest) {}

    @SqlQuery(
            "SELECT count(*) AS pending, min(created_at) AS oldest FROM outbox WHERE kind = :kind AND done_at IS NULL")
    @RegisterConstructorMapper(Backlog.class)
    Backlog backlog(@Bind("kind") String kind);
}
