package vn.dossierpost.db;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The government fees collected for an agency and the statements by which they were remitted to it. */
public interface RemittanceDAO {
    /**
     * One line of a statement: the government fee of a dossier (FEE), or the deduction of a fee
     * remitted before and since paid back to the applicant (REFUND, a negative amount). {@code
     * remittedIn} is the statement that carried it, null while none did.
     */
    record FeeLine(
            long dossierId,
            String code,
            String procedureCode,
            String officeCode,
            String kind,
            OffsetDateTime paidAt,
            OffsetDateTime refundedAt,
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

    /** The lines of remitted statement {@code number} as they were remitted, whatever became of the payments since. */
    @SqlQuery("SELECT d.id AS dossier_id, d.code, d.procedure_code, d.office_code, i.kind, p.paid_at, "
            + "CASE WHEN i.kind = 'REFUND' THEN p.refunded_at END AS refunded_at, i.government_fee, "
            + "r.number AS remitted_in FROM remittance r JOIN remittance_item i ON i.remittance_id = r.id "
            + "JOIN dossier d ON d.id = i.dossier_id JOIN payment p ON p.dossier_id = d.id "
            + "WHERE r.number = :number ORDER BY i.kind, p.paid_at, d.id")
    @RegisterConstructorMapper(FeeLine.class)
    List<FeeLine> remitted(@Bind("number") String number);

    /**
     * What a statement for [from, to) would carry now: the fees of the agency's PAID dossiers paid in
     * the period and not yet remitted, and every fee remitted before and paid back to the applicant
     * before the period's end, not yet deducted (whenever the refund fell, it is deducted once).
     */
    @SqlQuery("SELECT d.id AS dossier_id, d.code, d.procedure_code, d.office_code, 'FEE' AS kind, p.paid_at, "
            + "NULL::timestamptz AS refunded_at, d.government_fee, NULL AS remitted_in "
            + "FROM payment p JOIN dossier d ON d.id = p.dossier_id WHERE d.agency_code = :agency "
            + "AND p.state = 'PAID' AND d.government_fee > 0 AND p.paid_at >= :from AND p.paid_at < :to "
            + "AND NOT EXISTS (SELECT 1 FROM remittance_item i WHERE i.dossier_id = d.id AND i.kind = 'FEE') "
            + "UNION ALL SELECT d.id, d.code, d.procedure_code, d.office_code, 'REFUND', p.paid_at, p.refunded_at, "
            + "-f.government_fee, NULL FROM payment p JOIN dossier d ON d.id = p.dossier_id "
            + "JOIN remittance_item f ON f.dossier_id = d.id AND f.kind = 'FEE' WHERE d.agency_code = :agency "
            + "AND p.state = 'REFUNDED' AND p.refunded_at < :to "
            + "AND NOT EXISTS (SELECT 1 FROM remittance_item i WHERE i.dossier_id = d.id AND i.kind = 'REFUND') "
            + "ORDER BY kind, paid_at, dossier_id")
    @RegisterConstructorMapper(FeeLine.class)
    List<FeeLine> outstanding(
            @Bind("agency") String agencyCode, @Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to);

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

    @SqlBatch("INSERT INTO remittance_item (dossier_id, remittance_id, kind, government_fee) "
            + "VALUES (:dossierId, :remittance, :kind, :governmentFee)")
    void insertItems(@Bind("remittance") long remittanceId, @BindMethods List<FeeLine> lines);
}
