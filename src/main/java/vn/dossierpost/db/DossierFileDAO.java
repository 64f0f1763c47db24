package vn.dossierpost.db;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The scans of each dossier: one row per uploaded file, the bytes in the blob store by SHA-256. */
@RegisterConstructorMapper(DossierFileDAO.FileRow.class)
public interface DossierFileDAO {

    String COLUMNS = "id, dossier_id, component_code, original_name, size_bytes, sha256, content_type, page_count, "
            + "uploaded_by, uploaded_at, fixity_failed_at";

    record NewFile(
            long dossierId,
            String componentCode,
            String originalName,
            long sizeBytes,
            String sha256,
            String contentType,
            Integer pageCount,
            String uploadedBy,
            OffsetDateTime uploadedAt) {}

    record FileRow(
            long id,
            long dossierId,
            String componentCode,
            String originalName,
            long sizeBytes,
            String sha256,
            String contentType,
            Integer pageCount,
            String uploadedBy,
            OffsetDateTime uploadedAt,
            OffsetDateTime fixityFailedAt) {}

    /** A blob and how many rows refer to it, for the fixity check. */
    record BlobRef(String sha256, long sizeBytes, int files) {}

    /** One office's dossiers received on one day, and how many of them have been digitised. */
    record DigitisationRow(String officeCode, LocalDate day, long received, long digitised) {}

    @SqlUpdate("INSERT INTO dossier_file (dossier_id, component_code, original_name, size_bytes, sha256, content_type, "
            + "page_count, uploaded_by, uploaded_at) VALUES (:dossierId, :componentCode, :originalName, :sizeBytes, "
            + ":sha256, :contentType, :pageCount, :uploadedBy, :uploadedAt)")
    @GetGeneratedKeys("id")
    long insert(@BindMethods NewFile file);

    @SqlQuery("SELECT coalesce(sum(size_bytes), 0) FROM dossier_file WHERE dossier_id = :id")
    long totalSize(@Bind("id") long dossierId);

    @SqlQuery("SELECT " + COLUMNS + " FROM dossier_file WHERE dossier_id = :id ORDER BY id")
    List<FileRow> ofDossier(@Bind("id") long dossierId);

    @SqlQuery("SELECT " + COLUMNS + " FROM dossier_file WHERE dossier_id IN (<ids>) ORDER BY dossier_id, id")
    List<FileRow> ofDossiers(@BindList("ids") List<Long> dossierIds);

    /** Of the given dossiers, those with a required document that has no file yet. */
    @SqlQuery(
            "SELECT DISTINCT c.dossier_id FROM dossier_component c JOIN dossier d ON d.id = c.dossier_id "
                    + "JOIN procedure_component p ON p.procedure_code = d.procedure_code AND p.code = c.code "
                    + "WHERE c.dossier_id IN (<ids>) AND p.required "
                    + "AND NOT EXISTS (SELECT 1 FROM dossier_file f WHERE f.dossier_id = c.dossier_id AND f.component_code = c.code)")
    List<Long> incomplete(@BindList("ids") List<Long> dossierIds);

    @SqlQuery("SELECT " + COLUMNS + " FROM dossier_file WHERE dossier_id = :dossierId AND id = :id")
    Optional<FileRow> find(@Bind("dossierId") long dossierId, @Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM dossier_file WHERE sha256 = :sha256 ORDER BY id")
    List<FileRow> withHash(@Bind("sha256") String sha256);

    /**
     * The dossier's documents that the procedure requires and that have no file yet, in the order of
     * the document list. (Intake made sure every required document is on the list.)
     */
    @SqlQuery("SELECT c.code FROM dossier_component c JOIN dossier d ON d.id = c.dossier_id "
            + "JOIN procedure_component p ON p.procedure_code = d.procedure_code AND p.code = c.code "
            + "WHERE c.dossier_id = :id AND p.required "
            + "AND NOT EXISTS (SELECT 1 FROM dossier_file f WHERE f.dossier_id = c.dossier_id AND f.component_code = c.code) "
            + "ORDER BY c.position")
    List<String> requiredWithoutFile(@Bind("id") long dossierId);

    /** Marks every row of a blob found damaged or missing; returns the rows marked now (not before). */
    @SqlQuery("UPDATE dossier_file SET fixity_failed_at = :at WHERE sha256 = :sha256 AND fixity_failed_at IS NULL "
            + "RETURNING " + COLUMNS)
    List<FileRow> markFixityFailed(@Bind("sha256") String sha256, @Bind("at") OffsetDateTime at);

    /** Clears the mark once intact bytes are stored again; returns the rows cleared. */
    @SqlQuery("UPDATE dossier_file SET fixity_failed_at = NULL WHERE sha256 = :sha256 AND fixity_failed_at IS NOT NULL "
            + "RETURNING " + COLUMNS)
    List<FileRow> clearFixityFailed(@Bind("sha256") String sha256);

    /** Every blob the rows refer to, a page at a time in hash order (keyset: after {@code after}). */
    @SqlQuery("SELECT sha256, max(size_bytes) AS size_bytes, count(*) AS files FROM dossier_file "
            + "WHERE sha256 > :after GROUP BY sha256 ORDER BY sha256 LIMIT :limit")
    @RegisterConstructorMapper(BlobRef.class)
    List<BlobRef> blobs(@Bind("after") String after, @Bind("limit") int limit);

    /** Whether a blob is a dossier's scan or a delivery's proof image. */
    @SqlQuery("SELECT EXISTS (SELECT 1 FROM dossier_file WHERE sha256 = :sha256) "
            + "OR EXISTS (SELECT 1 FROM delivery_attempt WHERE proof_sha256 = :sha256)")
    boolean referenced(@Bind("sha256") String sha256);

    @SqlQuery("SELECT code FROM dossier WHERE id = :id")
    String dossierCode(@Bind("id") long dossierId);

    /**
     * Per office and day of receipt (local time): dossiers received and how many of them have reached
     * DIGITISED. RETURN_ONLY dossiers have no paper to scan and are left out.
     */
    @SqlQuery("SELECT d.office_code, (d.received_at AT TIME ZONE :zone)::date AS day, count(*) AS received, "
            + "count(*) FILTER (WHERE EXISTS (SELECT 1 FROM dossier_event e WHERE e.dossier_id = d.id "
            + "AND e.to_status = 'DIGITISED')) AS digitised "
            + "FROM dossier d WHERE d.service_form <> 'RETURN_ONLY' AND d.received_at >= :from AND d.received_at < :to "
            + "GROUP BY 1, 2 ORDER BY 2, 1")
    @RegisterConstructorMapper(DigitisationRow.class)
    List<DigitisationRow> digitisation(
            @Bind("zone") String zone, @Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to);
}
