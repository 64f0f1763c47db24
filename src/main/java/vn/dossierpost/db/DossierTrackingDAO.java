package vn.dossierpost.db;

import java.time.LocalDate;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import vn.dossierpost.domain.DossierStatus;

/**
 * The public tracking projection ({@code dossier_tracking}, migration 027): one row per dossier with
 * what the public answer needs and no personal data, kept by triggers in the transaction of every
 * change. Only read here; the one definition of a row is the view {@code dossier_tracking_source}.
 */
@RegisterConstructorMapper(DossierTrackingDAO.TrackingRow.class)
public interface DossierTrackingDAO {

    /** {@code steps}: the public timeline as JSON, oldest first (see the migration for its fields). */
    record TrackingRow(
            long dossierId,
            String code,
            String s10Number,
            String returnS10Number,
            String applicant,
            String filer,
            String procedureCode,
            String agencyCode,
            DossierStatus status,
            LocalDate resultDue,
            String steps) {}

    String COLUMNS = "dossier_id, code, s10_number, return_s10_number, applicant, filer, procedure_code, "
            + "agency_code, status, result_due, steps::text AS steps";

    /** The dossier whose outgoing or return item has this S10 number. */
    @SqlQuery("SELECT " + COLUMNS + " FROM dossier_tracking WHERE s10_number = :s10 OR return_s10_number = :s10")
    Optional<TrackingRow> findByS10(@Bind("s10") String s10);

    @SqlQuery("SELECT " + COLUMNS + " FROM dossier_tracking WHERE code = :code")
    Optional<TrackingRow> findByCode(@Bind("code") String code);

    /**
     * Refills the projection for every dossier from the source tables in one set-based statement,
     * and tells every node to drop its cached answers; returns the rows written. For bulk loads that
     * wrote dossiers and timelines directly with the triggers off.
     */
    @SqlQuery("SELECT dossier_tracking_rebuild()")
    long rebuildAll();
}
