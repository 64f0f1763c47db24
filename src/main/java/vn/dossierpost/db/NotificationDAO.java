package vn.dossierpost.db;

import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Messages to applicants (migration 006). Written in the transaction of the state change; claimed by
 * the sending route as outbox rows are ({@link OutboxDAO}): {@code FOR UPDATE SKIP LOCKED} and a
 * lease, so several nodes never send one message at the same time.
 */
public interface NotificationDAO {

    /** A message about a dossier, or (before any dossier exists) about a home pickup booking. */
    record NewNotification(
            Long dossierId,
            Long homePickupId,
            String kind,
            String channel,
            String recipient,
            String subject,
            String body,
            OffsetDateTime at) {}

    /** A claimed message, as the route sends it. */
    record Claimed(
            long id,
            Long dossierId,
            String kind,
            String channel,
            String recipient,
            String subject,
            String body,
            int attempts,
            OffsetDateTime createdAt) {}

    /** A message as staff see it. */
    record Row(
            long id,
            String kind,
            String channel,
            String recipient,
            String subject,
            String body,
            OffsetDateTime createdAt,
            OffsetDateTime availableAt,
            int attempts,
            OffsetDateTime sentAt,
            OffsetDateTime failedAt,
            String lastError) {}

    @SqlBatch(
            "INSERT INTO notification (dossier_id, home_pickup_id, kind, channel, recipient, subject, body, created_at, "
                    + "available_at) VALUES (:dossierId, :homePickupId, :kind, :channel, :recipient, :subject, :body, :at, :at)")
    void insertAll(@BindMethods List<NewNotification> rows);

    /** Up to {@code limit} due messages not leased, oldest first, leased until {@code leaseUntil}. */
    @SqlQuery(
            "UPDATE notification n SET lease_until = :leaseUntil, attempts = n.attempts + 1 FROM ("
                    + "SELECT id FROM notification WHERE sent_at IS NULL AND failed_at IS NULL AND available_at <= :now "
                    + "AND (lease_until IS NULL OR lease_until < :now) ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED) due "
                    + "WHERE n.id = due.id "
                    + "RETURNING n.id, n.dossier_id, n.kind, n.channel, n.recipient, n.subject, n.body, n.attempts, n.created_at")
    @RegisterConstructorMapper(Claimed.class)
    List<Claimed> claim(
            @Bind("now") OffsetDateTime now, @Bind("leaseUntil") OffsetDateTime leaseUntil, @Bind("limit") int limit);

    /** Extends a lease the caller still holds (nobody claimed the row since); 0 when it was lost. */
    @SqlUpdate("UPDATE notification SET lease_until = :leaseUntil WHERE id = :id AND attempts = :attempts "
            + "AND sent_at IS NULL AND failed_at IS NULL")
    int renew(@Bind("id") long id, @Bind("attempts") int attempts, @Bind("leaseUntil") OffsetDateTime leaseUntil);

    /*
     * The three settlements below are fenced by the claim's attempt count, as renew is: a sender whose
     * lease ran out and whose message another sender claimed since changes nothing (0 rows).
     */

    @SqlUpdate("UPDATE notification SET sent_at = :at, lease_until = NULL, last_error = NULL "
            + "WHERE id = :id AND attempts = :attempts AND sent_at IS NULL AND failed_at IS NULL")
    int sent(@Bind("id") long id, @Bind("attempts") int attempts, @Bind("at") OffsetDateTime at);

    /** Gives a claimed row back, to be tried again from {@code availableAt}. */
    @SqlUpdate("UPDATE notification SET lease_until = NULL, available_at = :availableAt, last_error = :error "
            + "WHERE id = :id AND attempts = :attempts AND sent_at IS NULL AND failed_at IS NULL")
    int retryLater(
            @Bind("id") long id,
            @Bind("attempts") int attempts,
            @Bind("availableAt") OffsetDateTime availableAt,
            @Bind("error") String error);

    @SqlUpdate("UPDATE notification SET lease_until = NULL, failed_at = :at, last_error = :error "
            + "WHERE id = :id AND attempts = :attempts AND sent_at IS NULL AND failed_at IS NULL")
    int givenUp(
            @Bind("id") long id,
            @Bind("attempts") int attempts,
            @Bind("at") OffsetDateTime at,
            @Bind("error") String error);

    @SqlQuery(
            "SELECT id, kind, channel, recipient, subject, body, created_at, available_at, attempts, sent_at, failed_at, last_error "
                    + "FROM notification WHERE dossier_id = :dossierId ORDER BY id")
    @RegisterConstructorMapper(Row.class)
    List<Row> ofDossier(@Bind("dossierId") long dossierId);

    @SqlQuery("SELECT count(*) FROM notification WHERE sent_at IS NULL AND failed_at IS NULL")
    long pending();
}
