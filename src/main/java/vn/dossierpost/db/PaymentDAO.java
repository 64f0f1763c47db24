package vn.dossierpost.db;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import vn.dossierpost.domain.PaymentMethod;
import vn.dossierpost.domain.PaymentState;

/** The payment of each dossier, the bank's callbacks and the numbered receipts and refunds. */
public interface PaymentDAO {
    record PaymentRow(
            long dossierId,
            PaymentState state,
            PaymentMethod method,
            String terminalReference,
            String bankTransactionId,
            String takenBy,
            OffsetDateTime paidAt,
            String heldReason,
            String refundedBy,
            OffsetDateTime refundedAt,
            String refundReason,
            Long refundedAmount) {}

    record ReceiptRow(
            String kind,
            String officeCode,
            int year,
            int number,
            long amount,
            PaymentMethod method,
            OffsetDateTime issuedAt,
            String issuedBy) {}

    record CallbackRow(String transactionId, String purpose, long amount, String outcome) {}

    /** A dossier stored without a payment row (bulk test data) gets a pending one here. */
    @SqlUpdate("INSERT INTO payment (dossier_id, state, method, updated_at) VALUES (:id, 'PENDING', :method, :at) "
            + "ON CONFLICT (dossier_id) DO NOTHING")
    void ensure(@Bind("id") long dossierId, @Bind("method") PaymentMethod method, @Bind("at") OffsetDateTime at);

    @SqlQuery("SELECT * FROM payment WHERE dossier_id = :id")
    @RegisterConstructorMapper(PaymentRow.class)
    Optional<PaymentRow> find(@Bind("id") long dossierId);

    @SqlQuery("SELECT * FROM payment WHERE dossier_id = :id FOR UPDATE")
    @RegisterConstructorMapper(PaymentRow.class)
    Optional<PaymentRow> lock(@Bind("id") long dossierId);

    @SqlUpdate("UPDATE payment SET state = 'PAID', method = :method, terminal_reference = :terminal, "
            + "bank_transaction_id = COALESCE(:bankTx, bank_transaction_id), taken_by = :by, paid_at = :at, "
            + "held_reason = NULL, updated_at = :at WHERE dossier_id = :id")
    void paid(
            @Bind("id") long dossierId,
            @Bind("method") PaymentMethod method,
            @Bind("terminal") String terminalReference,
            @Bind("bankTx") String bankTransactionId,
            @Bind("by") String takenBy,
            @Bind("at") OffsetDateTime at);

    @SqlUpdate("UPDATE payment SET state = 'HELD', method = 'VIETQR', bank_transaction_id = :bankTx, "
            + "held_reason = :reason, updated_at = :at WHERE dossier_id = :id")
    void held(
            @Bind("id") long dossierId,
            @Bind("bankTx") String bankTransactionId,
            @Bind("reason") String reason,
            @Bind("at") OffsetDateTime at);

    @SqlUpdate("UPDATE payment SET state = 'REFUNDED', refunded_amount = :amount, refunded_by = :by, "
            + "refunded_at = :at, refund_reason = :reason, updated_at = :at WHERE dossier_id = :id")
    void refunded(
            @Bind("id") long dossierId,
            @Bind("amount") long amount,
            @Bind("by") String by,
            @Bind("reason") String reason,
            @Bind("at") OffsetDateTime at);

    /** Records a callback the first time its transaction id is seen; false when it was seen before. */
    @SqlUpdate("INSERT INTO bank_callback (transaction_id, purpose, amount, outcome, received_at) "
            + "VALUES (:tx, :purpose, :amount, :outcome, :at) ON CONFLICT (transaction_id) DO NOTHING")
    int recordCallback(
            @Bind("tx") String transactionId,
            @Bind("purpose") String purpose,
            @Bind("amount") long amount,
            @Bind("outcome") String outcome,
            @Bind("at") OffsetDateTime at);

    @SqlQuery("SELECT transaction_id, purpose, amount, outcome FROM bank_callback WHERE transaction_id = :tx")
    @RegisterConstructorMapper(CallbackRow.class)
    Optional<CallbackRow> callback(@Bind("tx") String transactionId);

    /**
     * The next number of an office's receipts (or refunds) of a year. The upsert locks the counter
     * row until the calling transaction ends, so the number and the receipt that uses it commit or
     * roll back together: no gap, no number given twice.
     */
    @SqlQuery("INSERT INTO receipt_counter (office_code, year, kind, last_number) VALUES (:office, :year, :kind, 1) "
            + "ON CONFLICT (office_code, year, kind) DO UPDATE SET last_number = receipt_counter.last_number + 1 "
            + "RETURNING last_number")
    int nextNumber(@Bind("office") String officeCode, @Bind("year") int year, @Bind("kind") String kind);

    @SqlUpdate(
            "INSERT INTO receipt (dossier_id, kind, office_code, year, number, amount, method, issued_at, issued_by) "
                    + "VALUES (:id, :r.kind, :r.officeCode, :r.year, :r.number, :r.amount, :r.method, :r.issuedAt, :r.issuedBy)")
    void insertReceipt(@Bind("id") long dossierId, @BindMethods("r") ReceiptRow r);

    @SqlQuery("SELECT kind, office_code, year, number, amount, method, issued_at, issued_by FROM receipt "
            + "WHERE dossier_id = :id AND kind = :kind")
    @RegisterConstructorMapper(ReceiptRow.class)
    Optional<ReceiptRow> receipt(@Bind("id") long dossierId, @Bind("kind") String kind);

    /** Money taken (or pending) per clerk, method and state; amount as DossierService.fees counts it at the counter. */
    record DayLine(String takenBy, PaymentMethod method, PaymentState state, int dossiers, long amount) {}

    String AT_COUNTER = "d.postage + d.government_fee - COALESCE(CAST(d.fees->>'dueOnDelivery' AS bigint), 0)";

    /** What was paid in an office between two instants, per clerk and method (refunded later included: the refund is its own line). */
    @SqlQuery("SELECT p.taken_by, p.method, 'PAID' AS state, count(*) AS dossiers, COALESCE(sum(" + AT_COUNTER
            + "), 0) AS amount "
            + "FROM payment p JOIN dossier d ON d.id = p.dossier_id WHERE d.office_code = :office "
            + "AND p.paid_at >= :from AND p.paid_at < :to AND p.state IN ('PAID', 'REFUNDED') "
            + "GROUP BY p.taken_by, p.method "
            + "UNION ALL SELECT p.refunded_by, p.method, 'REFUNDED', count(*), COALESCE(sum(p.refunded_amount), 0) "
            + "FROM payment p JOIN dossier d ON d.id = p.dossier_id WHERE d.office_code = :office "
            + "AND p.refunded_at >= :from AND p.refunded_at < :to GROUP BY p.refunded_by, p.method "
            + "UNION ALL SELECT NULL, p.method, p.state, count(*), COALESCE(sum(" + AT_COUNTER + "), 0) "
            + "FROM payment p JOIN dossier d ON d.id = p.dossier_id WHERE d.office_code = :office "
            + "AND p.state IN ('PENDING', 'HELD') AND d.received_at < :to GROUP BY p.method, p.state "
            + "ORDER BY 3, 1, 2")
    @RegisterConstructorMapper(DayLine.class)
    java.util.List<DayLine> day(
            @Bind("office") String officeCode, @Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to);

    record ClosedDay(String closedBy, OffsetDateTime closedAt) {}

    @SqlQuery("SELECT closed_by, closed_at FROM counter_day WHERE office_code = :office AND day = :day")
    @RegisterConstructorMapper(ClosedDay.class)
    Optional<ClosedDay> closed(@Bind("office") String officeCode, @Bind("day") java.time.LocalDate day);

    /** 0 when the day was closed already. */
    @SqlUpdate("INSERT INTO counter_day (office_code, day, closed_by, closed_at, totals) "
            + "VALUES (:office, :day, :by, :at, CAST(:totals AS jsonb)) ON CONFLICT DO NOTHING")
    int close(
            @Bind("office") String officeCode,
            @Bind("day") java.time.LocalDate day,
            @Bind("by") String by,
            @Bind("at") OffsetDateTime at,
            @Bind("totals") String totals);
}
