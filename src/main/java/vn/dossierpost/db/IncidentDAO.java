package vn.dossierpost.db;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Items lost or damaged while the post carried them, and the compensation owed for each. */
public interface IncidentDAO {
    record NewIncident(
            long dossierId,
            String leg,
            String kind,
            String foundBy,
            String foundWhere,
            LocalDate foundOn,
            String officeCode,
            String description,
            long postage,
            long reissueCosts,
            long compensation,
            LocalDate payBy,
            Long complaintId,
            String recordedBy,
            OffsetDateTime createdAt) {}

    record IncidentRow(
            long id,
            String dossierCode,
            String leg,
            String kind,
            String foundBy,
            String foundWhere,
            LocalDate foundOn,
            String officeCode,
            String description,
            String investigation,
            long postage,
            long reissueCosts,
            long compensation,
            LocalDate payBy,
            OffsetDateTime paidAt,
            String paidBy,
            Long complaintId,
            String recordedBy) {}

    String INCIDENT = "SELECT i.*, d.code AS dossier_code FROM incident i JOIN dossier d ON d.id = i.dossier_id ";

    /** 0 when the item of that leg already has an incident (one per dossier and leg). */
    @SqlUpdate(
            "INSERT INTO incident (dossier_id, leg, kind, found_by, found_where, found_on, office_code, description, "
                    + "postage, reissue_costs, compensation, pay_by, complaint_id, recorded_by, created_at) VALUES (:dossierId, "
                    + ":leg, :kind, :foundBy, :foundWhere, :foundOn, :officeCode, :description, :postage, :reissueCosts, "
                    + ":compensation, :payBy, :complaintId, :recordedBy, :createdAt) ON CONFLICT (dossier_id, leg) DO NOTHING")
    @GetGeneratedKeys("id")
    Optional<Long> insert(@BindMethods NewIncident incident);

    @SqlQuery(INCIDENT + "WHERE i.id = :id")
    @RegisterConstructorMapper(IncidentRow.class)
    Optional<IncidentRow> find(@Bind("id") long id);

    @SqlQuery(INCIDENT + "WHERE i.id = :id FOR UPDATE OF i")
    @RegisterConstructorMapper(IncidentRow.class)
    Optional<IncidentRow> lock(@Bind("id") long id);

    /** Newest first; {@code office} null for the whole network; only unpaid ones past their day when {@code overdue}. */
    @SqlQuery(INCIDENT + "WHERE (CAST(:office AS text) IS NULL OR i.office_code = :office) "
            + "AND (NOT :overdue OR (i.paid_at IS NULL AND i.pay_by < :today)) "
            + "ORDER BY i.found_on DESC, i.id DESC LIMIT 500")
    @RegisterConstructorMapper(IncidentRow.class)
    List<IncidentRow> list(
            @Bind("office") String office, @Bind("overdue") boolean overdue, @Bind("today") LocalDate today);

    @SqlUpdate("UPDATE incident SET investigation = :text WHERE id = :id")
    void investigation(@Bind("id") long id, @Bind("text") String text);

    @SqlUpdate("UPDATE incident SET paid_at = :at, paid_by = :by WHERE id = :id AND paid_at IS NULL")
    int paid(@Bind("id") long id, @Bind("at") OffsetDateTime at, @Bind("by") String by);
}
