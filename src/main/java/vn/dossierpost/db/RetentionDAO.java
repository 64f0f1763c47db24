package vn.dossierpost.db;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.ServiceForm;

/**
 * The retention purge: which closed dossiers are old enough, their legal holds, and the statements
 * that replace their personal data by the tombstone. The timeline (dossier_event) is append-only and
 * is not touched; neither are the money records (payment, receipt), which the law keeps longer.
 */
@RegisterConstructorMapper(RetentionDAO.Candidate.class)
public interface RetentionDAO {

    /** A dossier with its closing time (its last event), its holds and its scans. */
    record Candidate(
            long id,
            String code,
            DossierStatus status,
            ServiceForm serviceForm,
            Instant closedAt,
            boolean openComplaint,
            boolean unpaidIncident,
            boolean held,
            int files,
            long bytes) {}

    String CANDIDATE = "SELECT d.id, d.code, d.status, d.service_form,"
            + " (SELECT max(e.at) FROM dossier_event e WHERE e.dossier_id = d.id) AS closed_at,"
            + " EXISTS (SELECT 1 FROM complaint c WHERE c.dossier_id = d.id"
            + " AND c.state IN ('RECEIVED', 'INVESTIGATING')) AS open_complaint,"
            + " EXISTS (SELECT 1 FROM incident i WHERE i.dossier_id = d.id AND i.paid_at IS NULL) AS unpaid_incident,"
            + " EXISTS (SELECT 1 FROM retention_hold h WHERE h.dossier_id = d.id) AS held,"
            + " (SELECT count(*) FROM dossier_file f WHERE f.dossier_id = d.id) AS files,"
            + " (SELECT coalesce(sum(f.size_bytes), 0) FROM dossier_file f WHERE f.dossier_id = d.id) AS bytes"
            + " FROM dossier d";

    /** Closed dossiers not yet purged whose last event is before the cutoff, oldest first; holds are flagged, not filtered. */
    @SqlQuery("SELECT * FROM (" + CANDIDATE
            + " WHERE (d.status IN (<terminal>) OR (d.service_form = 'SEND_ONLY' AND d.status IN (<sendOnlyEnds>)))"
            + " AND NOT EXISTS (SELECT 1 FROM retention_purge p WHERE p.dossier_id = d.id)) c"
            + " WHERE c.closed_at < :cutoff ORDER BY c.closed_at, c.id")
    List<Candidate> closedBefore(
            @BindList("terminal") Collection<DossierStatus> terminal,
            @BindList("sendOnlyEnds") Collection<DossierStatus> sendOnlyEnds,
            @Bind("cutoff") Instant cutoff);

    /** The same, read again with the dossier row locked for the purge's transaction; empty once purged. */
    @SqlQuery(CANDIDATE + " WHERE d.id = :id"
            + " AND NOT EXISTS (SELECT 1 FROM retention_purge p WHERE p.dossier_id = d.id) FOR UPDATE OF d")
    Optional<Candidate> lock(@Bind("id") long id);

    /**
     * updated_at stays: it is when the dossier last changed for the agencies' sync view, and the
     * purge is no news to them.
     */
    @SqlUpdate("UPDATE dossier SET applicant_name = :t, applicant_citizen_id = :t, applicant_phone = :t,"
            + " applicant_email = NULL, applicant_street = :t,"
            + " delivery_street = CASE WHEN delivery_street IS NULL THEN NULL ELSE :t END,"
            + " filer_name = CASE WHEN filer_name IS NULL THEN NULL ELSE :t END,"
            + " filer_id_number = CASE WHEN filer_id_number IS NULL THEN NULL ELSE :t END,"
            + " filer_relation = CASE WHEN filer_relation IS NULL THEN NULL ELSE :t END,"
            + " filer_authorisation = CASE WHEN filer_authorisation IS NULL THEN NULL ELSE :t END"
            + " WHERE id = :id")
    void tombstoneDossier(@Bind("id") long id, @Bind("t") String tombstone);

    /** The home pickup booking that brought the dossier in, if any. */
    @SqlUpdate("UPDATE home_pickup SET applicant_name = :t, applicant_phone = :t, applicant_email = NULL, street = :t"
            + " WHERE id = (SELECT home_pickup_id FROM dossier WHERE id = :id)")
    void tombstoneHomePickup(@Bind("id") long id, @Bind("t") String tombstone);

    /** Messages about the dossier and about the booking that brought it in: to whom and what they said. */
    @SqlUpdate("UPDATE notification SET recipient = :t, body = :t, subject = NULL, last_error = NULL"
            + " WHERE dossier_id = :id"
            + " OR home_pickup_id = (SELECT home_pickup_id FROM dossier WHERE id = :id)")
    void clearNotifications(@Bind("id") long id, @Bind("t") String tombstone);

    /** Who complained and the free texts written about them; the register's dates and states stay. */
    @SqlUpdate("UPDATE complaint SET complainant_name = :t, complainant_phone = NULL, content = :t,"
            + " answer = CASE WHEN answer IS NULL THEN NULL ELSE :t END,"
            + " withdrawal_reason = CASE WHEN withdrawal_reason IS NULL THEN NULL ELSE :t END"
            + " WHERE dossier_id = :id")
    void tombstoneComplaints(@Bind("id") long id, @Bind("t") String tombstone);

    @SqlUpdate("UPDATE rating SET comment = NULL WHERE dossier_id = :id")
    void clearRatingComment(@Bind("id") long id);

    /** The proof images of the dossier's deliveries (in the blob store), read before they are cleared. */
    @SqlQuery("SELECT DISTINCT proof_sha256 FROM delivery_attempt WHERE dossier_id = :id AND proof_sha256 IS NOT NULL")
    List<String> proofImages(@Bind("id") long id);

    /** Who took the result, their document, the proof image and where: the outcome and the money stay. */
    @SqlUpdate("UPDATE delivery_attempt SET recipient_name = CASE WHEN recipient_name IS NULL THEN NULL ELSE :t END,"
            + " id_last4 = NULL, proxy_authorisation = CASE WHEN proxy_authorisation IS NULL THEN NULL ELSE :t END,"
            + " proof_sha256 = NULL, proof_media_type = NULL, latitude = NULL, longitude = NULL WHERE dossier_id = :id")
    void clearDeliveryAttempts(@Bind("id") long id, @Bind("t") String tombstone);

    /** Lets this transaction rewrite timeline notes and payloads (the append-only trigger allows the purge alone). */
    @SqlQuery("SELECT set_config('dossierpost.retention_purge', 'on', true)")
    String declarePurge();

    /**
     * Staff notes become the tombstone; payloads lose what a person wrote or was: a correction's old
     * and new values, an agency's reason and missing items. Types, statuses, times and the delivery
     * failure codes the public tracking shows stay.
     */
    @SqlUpdate("UPDATE dossier_event SET note = CASE WHEN note IS NULL THEN NULL ELSE :t END,"
            + " payload = CASE WHEN type = 'CORRECTED' THEN NULL"
            + " WHEN payload->>'eventId' IS NOT NULL THEN payload - 'reason' - 'missingItems' ELSE payload END"
            + " WHERE dossier_id = :id AND (note IS NOT NULL OR type = 'CORRECTED' OR payload->>'eventId' IS NOT NULL)")
    void clearTimelineTexts(@Bind("id") long id, @Bind("t") String tombstone);

    /** The manifests sent to the agency (name, identity, address), their SHA-256 kept. */
    @SqlUpdate("UPDATE handover_item SET purged_manifest_sha256 = encode(sha256(convert_to(manifest, 'UTF8')), 'hex'),"
            + " manifest = :t WHERE dossier_id = :id")
    void tombstoneManifests(@Bind("id") long id, @Bind("t") String tombstone);

    /** Notices sent to the agency keep what identifies the notice, not what it said about the recipient. */
    @SqlUpdate("UPDATE outbox SET payload = (SELECT jsonb_object_agg(key, value) FROM jsonb_each(payload)"
            + " WHERE key IN ('eventId', 'type', 'dossierCode', 'agencyReference', 'returnS10Number', 'at'))"
            + " WHERE dossier_id = :id AND kind = 'AGENCY_NOTICE'")
    void trimNotices(@Bind("id") long id);

    /** What was written about a lost or damaged item; the amounts, dates and who paid stay. */
    @SqlUpdate("UPDATE incident SET description = :t,"
            + " investigation = CASE WHEN investigation IS NULL THEN NULL ELSE :t END WHERE dossier_id = :id")
    void tombstoneIncidents(@Bind("id") long id, @Bind("t") String tombstone);

    /** The SHA-256 of the dossier's scans, read before their rows go. */
    @SqlQuery("SELECT DISTINCT sha256 FROM dossier_file WHERE dossier_id = :id")
    List<String> scans(@Bind("id") long id);

    @SqlUpdate("DELETE FROM dossier_file WHERE dossier_id = :id")
    int removeScans(@Bind("id") long id);

    @SqlUpdate("INSERT INTO retention_purge (dossier_id, code, purged_at, files_removed, bytes_removed)"
            + " VALUES (:id, :code, :at, :files, :bytes)")
    void recordPurge(
            @Bind("id") long id,
            @Bind("code") String code,
            @Bind("at") OffsetDateTime at,
            @Bind("files") int files,
            @Bind("bytes") long bytes);

    /** Whether any record still points at the blob (a scan of another dossier, a proof image). */
    @SqlQuery("SELECT EXISTS (SELECT 1 FROM dossier_file WHERE sha256 = :sha)"
            + " OR EXISTS (SELECT 1 FROM delivery_attempt WHERE proof_sha256 = :sha)")
    boolean blobInUse(@Bind("sha") String sha256);

    @SqlUpdate("INSERT INTO retention_hold (dossier_id, reason, held_by, held_at) VALUES (:id, :reason, :by, :at)"
            + " ON CONFLICT (dossier_id) DO UPDATE SET reason = :reason, held_by = :by, held_at = :at")
    void hold(@Bind("id") long id, @Bind("reason") String reason, @Bind("by") String by, @Bind("at") OffsetDateTime at);

    @SqlUpdate("DELETE FROM retention_hold WHERE dossier_id = :id")
    int release(@Bind("id") long id);
}
