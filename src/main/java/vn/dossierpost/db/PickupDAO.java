package vn.dossierpost.db;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Results (and refusal notices) to collect at agencies, per collecting office. */
public interface PickupDAO {
    /** The office serving agency {@code a}: its own setting, else the office of its commune, else the first of its province. */
    String SERVING_OFFICE =
            "COALESCE(a.pickup_office_code, (SELECT o.code FROM post_office o WHERE o.province_code = a.province_code "
                    + "ORDER BY (o.commune_code = a.commune_code) DESC, o.code LIMIT 1))";

    record ServingOffice(String officeCode, boolean chosen) {}

    @SqlQuery("SELECT " + SERVING_OFFICE
            + " AS office_code, a.pickup_office_code IS NOT NULL AS chosen FROM agency a WHERE a.code = :agency")
    @RegisterConstructorMapper(ServingOffice.class)
    Optional<ServingOffice> servingOffice(@Bind("agency") String agencyCode);

    @SqlUpdate("UPDATE agency SET pickup_office_code = :office WHERE code = :agency")
    int choose(@Bind("agency") String agencyCode, @Bind("office") String officeCode);

    /**
     * A pickup task for the office serving the dossier's agency: the agency's own setting, else the
     * office of the agency's commune, else the first of its province, else the office that took the
     * dossier in. A second event for the same dossier changes nothing.
     */
    @SqlUpdate("INSERT INTO pickup (dossier_id, office_code, agency_code, kind, result_reference, created_at) "
            + "SELECT d.id, COALESCE(" + SERVING_OFFICE + ", d.office_code), d.agency_code, :kind, :reference, :at "
            + "FROM dossier d JOIN agency a ON a.code = d.agency_code WHERE d.id = :dossierId "
            + "ON CONFLICT (dossier_id) DO NOTHING")
    void create(
            @Bind("dossierId") long dossierId,
            @Bind("kind") String kind,
            @Bind("reference") String resultReference,
            @Bind("at") OffsetDateTime at);

    record Pickup(
            long dossierId,
            String dossierCode,
            String officeCode,
            String agencyCode,
            String kind,
            String resultReference,
            OffsetDateTime createdAt,
            OffsetDateTime collectedAt,
            String collectedBy,
            String agencyOfficer,
            String items,
            Long feeRemitted) {}

    String COLUMNS =
            "p.dossier_id, d.code AS dossier_code, p.office_code, p.agency_code, p.kind, p.result_reference, p.created_at, "
                    + "p.collected_at, p.collected_by, p.agency_officer, p.items::text AS items, p.fee_remitted";

    @SqlQuery("SELECT " + COLUMNS
            + " FROM pickup p JOIN dossier d ON d.id = p.dossier_id WHERE p.dossier_id = :dossierId")
    @RegisterConstructorMapper(Pickup.class)
    Optional<Pickup> find(@Bind("dossierId") long dossierId);

    /** An office's results still to collect, oldest first. */
    @SqlQuery(
            "SELECT " + COLUMNS + " FROM pickup p JOIN dossier d ON d.id = p.dossier_id "
                    + "WHERE p.office_code = :office AND p.collected_at IS NULL ORDER BY p.created_at, p.dossier_id LIMIT :limit")
    @RegisterConstructorMapper(Pickup.class)
    List<Pickup> open(@Bind("office") String officeCode, @Bind("limit") int limit);

    /** One dossier's result still to collect at an office. */
    @SqlQuery("SELECT " + COLUMNS + " FROM pickup p JOIN dossier d ON d.id = p.dossier_id "
            + "WHERE p.office_code = :office AND d.code = :code AND p.collected_at IS NULL")
    @RegisterConstructorMapper(Pickup.class)
    java.util.Optional<Pickup> openOf(@Bind("office") String officeCode, @Bind("code") String dossierCode);

    @SqlQuery("SELECT count(*) FROM pickup WHERE office_code = :office AND collected_at IS NULL")
    long countOpen(@Bind("office") String officeCode);

    @SqlUpdate(
            "UPDATE pickup SET collected_at = :at, collected_by = :by, agency_officer = :officer, items = CAST(:items AS jsonb), "
                    + "fee_remitted = :fee WHERE dossier_id = :dossierId AND collected_at IS NULL")
    int collected(
            @Bind("dossierId") long dossierId,
            @Bind("at") OffsetDateTime at,
            @Bind("by") String by,
            @Bind("officer") String agencyOfficer,
            @Bind("items") String itemsJson,
            @Bind("fee") long feeRemitted);
}
