package vn.dossierpost.db;

import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Who changed which agency, when, and how (the agency before and after, as JSON text). */
public interface AgencyChangeDAO {
    record AgencyChangeRow(
            String agencyCode, String changedBy, OffsetDateTime changedAt, String before, String after) {}

    @SqlUpdate("INSERT INTO agency_change (agency_code, changed_by, before, after) "
            + "VALUES (:code, :by, CAST(:before AS jsonb), CAST(:after AS jsonb))")
    void record(
            @Bind("code") String agencyCode,
            @Bind("by") String changedBy,
            @Bind("before") String before,
            @Bind("after") String after);

    /** The latest changes first. */
    @SqlQuery("SELECT agency_code, changed_by, changed_at, before::text AS before, after::text AS after "
            + "FROM agency_change WHERE agency_code = :code ORDER BY id DESC LIMIT :limit")
    @RegisterConstructorMapper(AgencyChangeRow.class)
    List<AgencyChangeRow> changes(@Bind("code") String agencyCode, @Bind("limit") int limit);
}
