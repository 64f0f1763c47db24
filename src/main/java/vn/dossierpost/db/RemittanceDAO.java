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

/** The government fees collected for an agency and the statements by which they were remitted to it. */
public interface RemittanceDAO {
    /** One dossier whose government fee the post took, with the statement it was remitted in (null when not yet). */
    record FeeLine(
            long dossierId,
            String code,
            String procedureCode,
            String officeCode,
            OffsetDateTime paidAt,
            long governmentFee,
            String remittedIn) {}

    record Statement(
            String number,
            String agencyCode,
            LocalDate periodFrom,
            LocalDate periodTo,
            int dossiers,
            long total,
            String remittedBy,
            OffsetDateTime remittedAt) {}

    /**
     * PAID payments of the agency's dossiers paid in [from, to), with a government fee; and the lines
     * of statement {@code number} as remitted, whatever became of their payment since (a refund).
     */
    @SqlQuery("SELECT d.id AS dossier_id, d.code, d.procedure_code, d.office_code, p.paid_at, "
            + "COALESCE(i.government_fee, d.government_fee) AS government_fee, r.number AS remitted_in "
            + "FROM payment p JOIN dossier d ON d.id = p.dossier_id "
            + "LEFT JOIN remittance_item i ON i.dossier_id = d.id LEFT JOIN remittance r ON r.id = i.remittance_id "
            + "WHERE d.agency_code = :agency AND (r.number = :number OR (p.state = 'PAID' AND d.government_fee > 0 "
            + "AND p.paid_at >= :from AND p.paid_at < :to)) ORDER BY p.paid_at, d.id")
    @RegisterConstructorMapper(FeeLine.class)
    List<FeeLine> fees(
            @Bind("agency") String agencyCode,
            @Bind("number") String number,
            @Bind("from") OffsetDateTime from,
            @Bind("to") OffsetDateTime to);

    /** The agency's statements whose period shares a day with [from, to]. */
    @SqlQuery("SELECT number, agency_code, period_from, period_to, dossiers, total, remitted_by, remitted_at "
            + "FROM remittance WHERE agency_code = :agency AND period_from <= :to AND period_to >= :from "
            + "ORDER BY period_from")
    @RegisterConstructorMapper(Statement.class)
    List<Statement> overlapping(
            @Bind("agency") String agencyCode, @Bind("from") LocalDate from, @Bind("to") LocalDate to);

    /** Serialises remitting for one agency: the overlap check and the insert see the same statements. */
    @SqlQuery("SELECT code FROM agency WHERE code = :agency FOR UPDATE")
    Optional<String> lockAgency(@Bind("agency") String agencyCode);

    @SqlUpdate("INSERT INTO remittance (number, agency_code, period_from, period_to, dossiers, total, remitted_by, "
            + "remitted_at) VALUES (:number, :agencyCode, :periodFrom, :periodTo, :dossiers, :total, :remittedBy, "
            + ":remittedAt)")
    @GetGeneratedKeys("id")
    long insert(@BindMethods Statement statement);

    @SqlUpdate("INSERT INTO remittance_item (dossier_id, remittance_id, government_fee) "
            + "SELECT d.id, :remittance, d.government_fee FROM dossier d WHERE d.id IN (<ids>)")
    int insertItems(@Bind("remittance") long remittanceId, @BindList("ids") List<Long> dossierIds);
}
