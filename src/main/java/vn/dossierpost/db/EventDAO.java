package vn.dossierpost.db;

import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import vn.dossierpost.domain.DossierStatus;

/** The append-only timeline of each dossier (the table refuses UPDATE and DELETE). */
public interface EventDAO {

    record NewEvent(
            long dossierId,
            String type,
            DossierStatus fromStatus,
            DossierStatus toStatus,
            OffsetDateTime at,
            String actor,
            String officeCode,
            String agencyCode,
            String note,
            String payload) {}

    record EventRow(
            long id,
            String type,
            DossierStatus fromStatus,
            DossierStatus toStatus,
            OffsetDateTime at,
            String actor,
            String officeCode,
            String agencyCode,
            String note,
            String payload) {}

    @SqlUpdate(
            "INSERT INTO dossier_event (dossier_id, type, from_status, to_status, at, actor, office_code, agency_code, note, payload) "
                    + "VALUES (:dossierId, :type, :fromStatus, :toStatus, :at, :actor, :officeCode, :agencyCode, :note, CAST(:payload AS jsonb))")
    void append(@BindMethods NewEvent event);

    @SqlBatch(
            "INSERT INTO dossier_event (dossier_id, type, from_status, to_status, at, actor, office_code, agency_code, note, payload) "
                    + "VALUES (:dossierId, :type, :fromStatus, :toStatus, :at, :actor, :officeCode, :agencyCode, :note, CAST(:payload AS jsonb))")
    void appendAll(@BindMethods List<NewEvent> events);

    /** Of the given dossiers, those whose timeline has an event of this type. */
    @SqlQuery("SELECT DISTINCT dossier_id FROM dossier_event WHERE dossier_id IN (<ids>) AND type = :type")
    List<Long> having(@BindList("ids") List<Long> dossierIds, @Bind("type") String type);

    @SqlQuery(
            "SELECT id, type, from_status, to_status, at, actor, office_code, agency_code, note, payload::text AS payload "
                    + "FROM dossier_event WHERE dossier_id = :id ORDER BY id")
    @RegisterConstructorMapper(EventRow.class)
    List<EventRow> timeline(@Bind("id") long dossierId);
}
