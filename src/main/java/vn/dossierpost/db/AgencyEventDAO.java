package vn.dossierpost.db;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import vn.dossierpost.domain.DossierStatus;

/** Agencies' events as received, and the agencies' view of their dossiers. */
public interface AgencyEventDAO {

    /** The first outcome given for an event: its kind and its JSON. */
    record Answer(String outcome, String answer) {}

    record Received(
            String agencyCode,
            String eventId,
            Long dossierId,
            String dossierCode,
            String type,
            OffsetDateTime at,
            OffsetDateTime receivedAt,
            String source,
            String outcome,
            int answerStatus,
            String answer,
            String lateNotice) {}

    @SqlQuery("SELECT outcome, answer FROM agency_event WHERE agency_code = :agency AND event_id = :eventId")
    @RegisterConstructorMapper(Answer.class)
    Optional<Answer> answer(@Bind("agency") String agencyCode, @Bind("eventId") String eventId);

    @SqlUpdate(
            "INSERT INTO agency_event (agency_code, event_id, dossier_id, dossier_code, type, at, received_at, source, outcome, "
                    + "answer_status, answer, late_notice) VALUES (:agencyCode, :eventId, :dossierId, :dossierCode, :type, :at, "
                    + ":receivedAt, :source, :outcome, :answerStatus, :answer, :lateNotice)")
    void insert(@BindMethods Received event);

    @SqlQuery(
            "SELECT EXISTS (SELECT 1 FROM agency_event WHERE dossier_id = :id AND type = 'DELAYED' AND outcome = 'APPLIED')")
    boolean delayedBefore(@Bind("id") long dossierId);

    /** Whether the dossier was ever put in a handover to this agency. */
    @SqlQuery("SELECT EXISTS (SELECT 1 FROM handover_item i JOIN handover h ON h.id = i.handover_id "
            + "WHERE i.dossier_id = :id AND h.agency_code = :agency)")
    boolean handedTo(@Bind("id") long dossierId, @Bind("agency") String agencyCode);

    /** One row of the agencies' sync view. */
    record Synced(
            long id,
            String code,
            String s10Number,
            String procedureCode,
            DossierStatus status,
            OffsetDateTime receivedAt,
            OffsetDateTime filedAt,
            String agencyReceiptNumber,
            LocalDate resultDue,
            String resultReference,
            OffsetDateTime updatedAt) {}

    /** The agency's dossiers (handed to it, or awaiting its result) changed after (since, afterId), oldest change first. */
    @SqlQuery(
            "SELECT d.id, d.code, d.s10_number, d.procedure_code, d.status, d.received_at, d.filed_at, d.agency_receipt_number, "
                    + "d.result_due, d.result_reference, d.updated_at FROM dossier d WHERE d.agency_code = :agency "
                    + "AND (d.updated_at, d.id) > (:since, :afterId) "
                    + "AND (d.status = 'AWAITING_RESULT' OR EXISTS (SELECT 1 FROM handover_item i JOIN handover h ON h.id = i.handover_id "
                    + "WHERE i.dossier_id = d.id AND h.agency_code = :agency)) ORDER BY d.updated_at, d.id LIMIT :limit")
    @RegisterConstructorMapper(Synced.class)
    List<Synced> changedSince(
            @Bind("agency") String agencyCode,
            @Bind("since") OffsetDateTime since,
            @Bind("afterId") long afterId,
            @Bind("limit") int limit);
}
