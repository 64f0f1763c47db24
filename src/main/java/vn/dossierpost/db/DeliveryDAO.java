package vn.dossierpost.db;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import vn.dossierpost.domain.DeliveryMethod;
import vn.dossierpost.domain.DossierStatus;

/** The return leg's items, their couriers and every delivery attempt. */
public interface DeliveryDAO {

    record Delivery(
            long dossierId,
            String s10Number,
            String officeCode,
            DeliveryMethod method,
            String communeCode,
            String courier,
            OffsetDateTime assignedAt,
            OffsetDateTime arrivedAt,
            long amountDue,
            int failedAttempts,
            LocalDate firstFailedOn,
            LocalDate nextAttemptFrom,
            LocalDate heldUntil,
            OffsetDateTime finishedAt) {}

    String COLUMNS =
            "dossier_id, s10_number, office_code, method, commune_code, courier, assigned_at, arrived_at, amount_due, "
                    + "failed_attempts, first_failed_on, next_attempt_from, held_until, finished_at";

    @SqlUpdate("INSERT INTO delivery (dossier_id, s10_number, office_code, method, commune_code, amount_due) "
            + "VALUES (:dossierId, :s10Number, :officeCode, :method, :communeCode, :amountDue)")
    void insert(@BindMethods Delivery delivery);

    @SqlQuery("SELECT " + COLUMNS + " FROM delivery WHERE dossier_id = :dossierId")
    @RegisterConstructorMapper(Delivery.class)
    Optional<Delivery> find(@Bind("dossierId") long dossierId);

    @SqlQuery("SELECT dossier_id FROM delivery WHERE s10_number = :s10")
    Optional<Long> dossierOf(@Bind("s10") String s10Number);

    @SqlUpdate("UPDATE delivery SET arrived_at = :at WHERE dossier_id = :dossierId AND arrived_at IS NULL")
    int arrived(@Bind("dossierId") long dossierId, @Bind("at") OffsetDateTime at);

    @SqlUpdate("UPDATE delivery SET courier = :courier, assigned_at = :at WHERE dossier_id = :dossierId")
    void assign(@Bind("dossierId") long dossierId, @Bind("courier") String courier, @Bind("at") OffsetDateTime at);

    /** The courier covering the item's commune at its office, if any. */
    @SqlQuery(
            "SELECT c.courier FROM delivery d JOIN courier_commune c ON c.office_code = d.office_code AND c.commune_code = d.commune_code "
                    + "JOIN app_user u ON u.username = c.courier AND u.active WHERE d.dossier_id = :dossierId")
    Optional<String> courierByCommune(@Bind("dossierId") long dossierId);

    @SqlUpdate("UPDATE delivery SET failed_attempts = :failed, first_failed_on = COALESCE(first_failed_on, :day), "
            + "next_attempt_from = :next WHERE dossier_id = :dossierId")
    void failed(
            @Bind("dossierId") long dossierId,
            @Bind("failed") int failedAttempts,
            @Bind("day") LocalDate day,
            @Bind("next") LocalDate nextAttemptFrom);

    @SqlUpdate("UPDATE delivery SET held_until = :until WHERE dossier_id = :dossierId")
    void held(@Bind("dossierId") long dossierId, @Bind("until") LocalDate heldUntil);

    @SqlUpdate("UPDATE delivery SET finished_at = :at WHERE dossier_id = :dossierId")
    void finished(@Bind("dossierId") long dossierId, @Bind("at") OffsetDateTime at);

    /** An item with its dossier's status and recipient, as couriers and clerks list them. */
    record Item(
            long dossierId,
            String s10Number,
            String dossierCode,
            DossierStatus status,
            String officeCode,
            DeliveryMethod method,
            String recipientName,
            String recipientPhone,
            String street,
            String communeCode,
            String courier,
            long amountDue,
            int failedAttempts,
            LocalDate nextAttemptFrom,
            LocalDate heldUntil,
            OffsetDateTime arrivedAt,
            OffsetDateTime finishedAt) {}

    String ITEM = "SELECT l.dossier_id, l.s10_number, d.code AS dossier_code, d.status, l.office_code, l.method, "
            + "d.applicant_name AS recipient_name, d.applicant_phone AS recipient_phone, "
            + "COALESCE(d.delivery_street, d.applicant_street) AS street, l.commune_code, l.courier, l.amount_due, l.failed_attempts, "
            + "l.next_attempt_from, l.held_until, l.arrived_at, l.finished_at FROM delivery l JOIN dossier d ON d.id = l.dossier_id ";

    /**
     * A courier's work on {@code day}: items to take out (collected and arrived, or failed and due
     * again by then), items out with them, and what they finished that day.
     */
    @SqlQuery(ITEM + "WHERE l.courier = :courier AND ((l.finished_at IS NULL AND l.arrived_at IS NOT NULL "
            + "AND d.status IN ('RESULT_COLLECTED', 'OUT_FOR_DELIVERY', 'DELIVERY_FAILED') "
            + "AND (l.next_attempt_from IS NULL OR l.next_attempt_from <= :day)) "
            + "OR (l.finished_at >= :dayStart AND l.finished_at < :dayEnd)) ORDER BY l.commune_code, l.dossier_id")
    @RegisterConstructorMapper(Item.class)
    List<Item> work(
            @Bind("courier") String courier,
            @Bind("day") LocalDate day,
            @Bind("dayStart") OffsetDateTime dayStart,
            @Bind("dayEnd") OffsetDateTime dayEnd);

    /** An office's items in some statuses (all when none given), oldest first. */
    @SqlQuery(ITEM + "WHERE l.office_code = :office AND d.status IN (<statuses>) ORDER BY l.dossier_id LIMIT :limit")
    @RegisterConstructorMapper(Item.class)
    List<Item> ofOffice(
            @Bind("office") String officeCode,
            @BindList("statuses") List<DossierStatus> statuses,
            @Bind("limit") int limit);

    /**
     * Items waiting at an office for the applicant to collect them (HELD_AT_OFFICE: arrived for a
     * counter pickup, or held after failed deliveries), the soonest to go back first. An item is held
     * exactly while it has a holding date and is not finished (HELD_AT_OFFICE moves on only to
     * DELIVERED or RETURNED_TO_AGENCY, both of which finish it), so the delivery rows alone answer,
     * through the partial index delivery_held, and only the rows shown are joined to their dossiers.
     */
    @SqlQuery(ITEM + "WHERE l.dossier_id IN (SELECT dossier_id FROM delivery WHERE office_code = :office "
            + "AND finished_at IS NULL AND held_until IS NOT NULL ORDER BY held_until, dossier_id LIMIT :limit) "
            + "ORDER BY l.held_until, l.dossier_id")
    @RegisterConstructorMapper(Item.class)
    List<Item> heldAt(@Bind("office") String officeCode, @Bind("limit") int limit);

    @SqlQuery(
            "SELECT count(*) FROM delivery WHERE office_code = :office AND finished_at IS NULL AND held_until IS NOT NULL")
    long countHeldAt(@Bind("office") String officeCode);

    /** One recorded update; {@code id} is null until stored. */
    record Attempt(
            Long id,
            long dossierId,
            String clientAttemptId,
            String actor,
            String outcome,
            OffsetDateTime at,
            OffsetDateTime recordedAt,
            boolean atCounter,
            String recipientName,
            String recipientRelation,
            String idDocumentType,
            String idLast4,
            String proxyAuthorisation,
            String proofSha256,
            String proofMediaType,
            Double latitude,
            Double longitude,
            String reason,
            String action,
            long amountCollected,
            String answer) {}

    @SqlUpdate(
            "INSERT INTO delivery_attempt (dossier_id, client_attempt_id, actor, outcome, at, recorded_at, at_counter, recipient_name, "
                    + "recipient_relation, id_document_type, id_last4, proxy_authorisation, proof_sha256, proof_media_type, latitude, longitude, "
                    + "reason, action, amount_collected, answer) VALUES (:dossierId, :clientAttemptId, :actor, :outcome, :at, :recordedAt, "
                    + ":atCounter, :recipientName, :recipientRelation, :idDocumentType, :idLast4, :proxyAuthorisation, :proofSha256, "
                    + ":proofMediaType, :latitude, :longitude, :reason, :action, :amountCollected, :answer)")
    void insertAttempt(@BindMethods Attempt attempt);

    /** An update already recorded under a device's id: who sent it, what it was, the answer given. */
    record Recorded(String actor, String outcome, String answer) {}

    @SqlQuery(
            "SELECT actor, outcome, answer FROM delivery_attempt WHERE dossier_id = :dossierId AND client_attempt_id = :clientAttemptId")
    @RegisterConstructorMapper(Recorded.class)
    Optional<Recorded> recorded(@Bind("dossierId") long dossierId, @Bind("clientAttemptId") String clientAttemptId);

    @SqlQuery("SELECT at FROM delivery_attempt WHERE dossier_id = :dossierId ORDER BY at DESC LIMIT 1")
    Optional<OffsetDateTime> lastAttemptAt(@Bind("dossierId") long dossierId);

    @SqlQuery(
            "SELECT id, dossier_id, client_attempt_id, actor, outcome, at, recorded_at, at_counter, recipient_name, recipient_relation, "
                    + "id_document_type, id_last4, proxy_authorisation, proof_sha256, proof_media_type, latitude, longitude, reason, action, "
                    + "amount_collected, answer FROM delivery_attempt WHERE dossier_id = :dossierId ORDER BY id")
    @RegisterConstructorMapper(Attempt.class)
    List<Attempt> attempts(@Bind("dossierId") long dossierId);
}
