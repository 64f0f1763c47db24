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
import vn.dossierpost.domain.ComplaintState;

/** The complaints register, with the clock of each complaint. */
public interface ComplaintDAO {
    record NewComplaint(
            long dossierId,
            String complainant,
            String complainantName,
            String complainantPhone,
            String officeCode,
            String channel,
            String content,
            LocalDate receivedOn,
            boolean interProvince,
            LocalDate answerDue,
            String receivedBy,
            OffsetDateTime createdAt) {}

    record ComplaintRow(
            long id,
            long dossierId,
            String dossierCode,
            String complainant,
            String complainantName,
            String complainantPhone,
            String officeCode,
            String channel,
            String content,
            LocalDate receivedOn,
            boolean interProvince,
            LocalDate answerDue,
            ComplaintState state,
            String answer,
            String withdrawalReason,
            LocalDate closedOn,
            String closedBy,
            String receivedBy) {}

    String COMPLAINT = "SELECT c.*, d.code AS dossier_code FROM complaint c JOIN dossier d ON d.id = c.dossier_id ";

    @SqlUpdate("INSERT INTO complaint (dossier_id, complainant, complainant_name, complainant_phone, office_code, "
            + "channel, content, received_on, inter_province, answer_due, state, received_by, created_at) VALUES "
            + "(:dossierId, :complainant, :complainantName, :complainantPhone, :officeCode, :channel, :content, "
            + ":receivedOn, :interProvince, :answerDue, 'RECEIVED', :receivedBy, :createdAt)")
    @GetGeneratedKeys("id")
    long insert(@BindMethods NewComplaint complaint);

    @SqlQuery(COMPLAINT + "WHERE c.id = :id")
    @RegisterConstructorMapper(ComplaintRow.class)
    Optional<ComplaintRow> find(@Bind("id") long id);

    @SqlQuery(COMPLAINT + "WHERE c.id = :id FOR UPDATE OF c")
    @RegisterConstructorMapper(ComplaintRow.class)
    Optional<ComplaintRow> lock(@Bind("id") long id);

    /** Newest first; {@code office} null for the whole network; only open ones past their day when {@code overdue}. */
    @SqlQuery(COMPLAINT + "WHERE (CAST(:office AS text) IS NULL OR c.office_code = :office) "
            + "AND (CAST(:state AS text) IS NULL OR c.state = :state) "
            + "AND (NOT :overdue OR (c.state IN ('RECEIVED', 'INVESTIGATING') AND c.answer_due < :today)) "
            + "ORDER BY c.received_on DESC, c.id DESC LIMIT 500")
    @RegisterConstructorMapper(ComplaintRow.class)
    List<ComplaintRow> list(
            @Bind("office") String office,
            @Bind("state") String state,
            @Bind("overdue") boolean overdue,
            @Bind("today") LocalDate today);

    @SqlUpdate("UPDATE complaint SET state = 'INVESTIGATING' WHERE id = :id")
    void investigating(@Bind("id") long id);

    @SqlUpdate("UPDATE complaint SET state = 'ANSWERED', answer = :answer, closed_on = :on, closed_by = :by "
            + "WHERE id = :id")
    void answered(@Bind("id") long id, @Bind("answer") String answer, @Bind("on") LocalDate on, @Bind("by") String by);

    @SqlUpdate("UPDATE complaint SET state = 'WITHDRAWN', withdrawal_reason = :reason, closed_on = :on, "
            + "closed_by = :by WHERE id = :id")
    void withdrawn(@Bind("id") long id, @Bind("reason") String reason, @Bind("on") LocalDate on, @Bind("by") String by);

    /** The last time the post did anything for the dossier: the service a complaint can be about. */
    @SqlQuery("SELECT max(at) FROM dossier_event WHERE dossier_id = :id")
    Optional<OffsetDateTime> lastService(@Bind("id") long dossierId);
}
