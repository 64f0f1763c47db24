package vn.dossierpost.db;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.stringtemplate4.UseStringTemplateEngine;
import vn.dossierpost.domain.Channel;
import vn.dossierpost.domain.HandoverItemState;
import vn.dossierpost.domain.HandoverState;

/** Handover records and the dossiers in each, with what the agency answered for each dossier. */
@RegisterConstructorMapper(HandoverDAO.HandoverRow.class)
@RegisterConstructorMapper(HandoverDAO.ItemRow.class)
public interface HandoverDAO {

    String HANDOVER_COLUMNS = "h.id, h.no, h.agency_code, h.channel, h.state, h.created_at, h.sent_at, h.delivered_at, "
            + "h.failed_at, h.retries, h.last_error, "
            + "(SELECT count(*) FROM handover_item i WHERE i.handover_id = h.id) AS dossiers, "
            + "(SELECT count(*) FROM handover_item i WHERE i.handover_id = h.id AND i.state = 'DELIVERED') AS delivered, "
            + "(SELECT count(*) FROM handover_item i WHERE i.handover_id = h.id AND i.state = 'FAILED') AS failed";

    String ITEM_COLUMNS =
            "i.handover_id, i.dossier_id, d.code AS dossier_code, d.s10_number, d.procedure_code, d.applicant_name, "
                    + "i.position, i.state, i.components, i.files, i.bytes, i.complete, i.manifest, i.receipt_number, i.received_at, i.last_error";

    record HandoverRow(
            long id,
            String no,
            String agencyCode,
            Channel channel,
            HandoverState state,
            OffsetDateTime createdAt,
            OffsetDateTime sentAt,
            OffsetDateTime deliveredAt,
            OffsetDateTime failedAt,
            int retries,
            String lastError,
            int dossiers,
            int delivered,
            int failed) {}

    record ItemRow(
            long handoverId,
            long dossierId,
            String dossierCode,
            String s10Number,
            String procedureCode,
            String applicantName,
            int position,
            HandoverItemState state,
            int components,
            int files,
            long bytes,
            boolean complete,
            String manifest,
            String receiptNumber,
            OffsetDateTime receivedAt,
            String lastError) {}

    record NewItem(
            long handoverId,
            long dossierId,
            int position,
            int components,
            int files,
            long bytes,
            boolean complete,
            String manifest) {}

    @SqlQuery("SELECT nextval('handover_no_sequence')")
    long nextNumber();

    @SqlUpdate(
            "INSERT INTO handover (no, agency_code, channel, state, created_at) VALUES (:no, :agency, :channel, 'SENDING', :at)")
    @GetGeneratedKeys("id")
    long insert(
            @Bind("no") String no,
            @Bind("agency") String agencyCode,
            @Bind("channel") Channel channel,
            @Bind("at") OffsetDateTime at);

    @SqlBatch(
            "INSERT INTO handover_item (handover_id, dossier_id, position, state, components, files, bytes, complete, manifest) "
                    + "VALUES (:handoverId, :dossierId, :position, 'PENDING', :components, :files, :bytes, :complete, :manifest)")
    void insertItems(@BindMethods List<NewItem> items);

    @SqlQuery("SELECT " + HANDOVER_COLUMNS + " FROM handover h WHERE h.id = :id")
    Optional<HandoverRow> find(@Bind("id") long id);

    @SqlQuery("SELECT " + HANDOVER_COLUMNS + " FROM handover h WHERE h.no = :no")
    Optional<HandoverRow> findByNo(@Bind("no") String no);

    /** Serialises the decisions about one handover (settling it, a manual retry, an acknowledgement). */
    @SqlQuery("SELECT state FROM handover WHERE id = :id FOR UPDATE")
    HandoverState lock(@Bind("id") long id);

    /** Handovers newest first, keyset-paged on id, each filter applied when it is set. */
    @SqlQuery("SELECT " + HANDOVER_COLUMNS + " FROM handover h WHERE true"
            + "<if(byState)> AND h.state = :state<endif>"
            + "<if(bySentBefore)> AND h.channel IN ('FILE_DROP', 'SFTP') AND h.sent_at \\< :sentBefore<endif>"
            + "<if(byAgency)> AND h.agency_code = :agency<endif>"
            + "<if(byBefore)> AND h.id \\< :before<endif>"
            + " ORDER BY h.id DESC LIMIT :limit")
    @UseStringTemplateEngine
    List<HandoverRow> list(
            @Bind("state") HandoverState state,
            @Define("byState") boolean byState,
            @Bind("sentBefore") OffsetDateTime sentBefore,
            @Define("bySentBefore") boolean bySentBefore,
            @Bind("agency") String agencyCode,
            @Define("byAgency") boolean byAgency,
            @Bind("before") Long before,
            @Define("byBefore") boolean byBefore,
            @Bind("limit") int limit);

    /** {@link #list} with the filters that are not null. */
    default List<HandoverRow> list(HandoverState state, String agencyCode, Long before, int limit) {
        return list(state, state != null, null, false, agencyCode, agencyCode != null, before, before != null, limit);
    }

    /** Handovers left in a folder (file drop, SFTP) before {@code sentBefore} and still not acknowledged. */
    default List<HandoverRow> notAcknowledged(OffsetDateTime sentBefore, String agencyCode, Long before, int limit) {
        return list(
                HandoverState.SENT,
                true,
                sentBefore,
                true,
                agencyCode,
                agencyCode != null,
                before,
                before != null,
                limit);
    }

    @SqlQuery("SELECT " + ITEM_COLUMNS + " FROM handover_item i JOIN dossier d ON d.id = i.dossier_id "
            + "WHERE i.handover_id = :id ORDER BY i.position")
    List<ItemRow> items(@Bind("id") long handoverId);

    @SqlQuery("SELECT " + ITEM_COLUMNS + " FROM handover_item i JOIN dossier d ON d.id = i.dossier_id "
            + "WHERE i.handover_id = :id AND i.state = :state ORDER BY i.position")
    List<ItemRow> itemsIn(@Bind("id") long handoverId, @Bind("state") HandoverItemState state);

    @SqlBatch(
            "UPDATE handover_item SET state = 'DELIVERED', receipt_number = :receipt, received_at = :at, last_error = NULL "
                    + "WHERE handover_id = :id AND dossier_id = :dossierId")
    void itemsDelivered(
            @Bind("id") long handoverId,
            @Bind("dossierId") List<Long> dossierIds,
            @Bind("receipt") List<String> receipts,
            @Bind("at") List<OffsetDateTime> receivedAt);

    @SqlUpdate(
            "UPDATE handover_item SET state = :state, last_error = :error WHERE handover_id = :id AND dossier_id = :dossierId")
    void itemState(
            @Bind("id") long handoverId,
            @Bind("dossierId") long dossierId,
            @Bind("state") HandoverItemState state,
            @Bind("error") String error);

    @SqlUpdate(
            "UPDATE handover_item SET state = :to, last_error = coalesce(:error, last_error) WHERE handover_id = :id AND state = :from")
    int itemsFromTo(
            @Bind("id") long handoverId,
            @Bind("from") HandoverItemState from,
            @Bind("to") HandoverItemState to,
            @Bind("error") String error);

    @SqlUpdate("UPDATE handover SET state = 'SENT', sent_at = :at, last_error = NULL WHERE id = :id")
    void sent(@Bind("id") long id, @Bind("at") OffsetDateTime at);

    /** Marks the handover delivered once every dossier in it is; does nothing before that. */
    @SqlUpdate("UPDATE handover SET state = 'DELIVERED', delivered_at = :at, last_error = NULL WHERE id = :id "
            + "AND state IN ('SENDING', 'SENT') "
            + "AND NOT EXISTS (SELECT 1 FROM handover_item WHERE handover_id = :id AND state <> 'DELIVERED')")
    void deliveredIfComplete(@Bind("id") long id, @Bind("at") OffsetDateTime at);

    @SqlUpdate("UPDATE handover SET state = 'FAILED', failed_at = :at, last_error = :error WHERE id = :id")
    void failed(@Bind("id") long id, @Bind("at") OffsetDateTime at, @Bind("error") String error);

    @SqlUpdate("UPDATE handover SET last_error = :error WHERE id = :id")
    void lastError(@Bind("id") long id, @Bind("error") String error);

    @SqlUpdate("UPDATE handover SET state = 'SENDING', failed_at = NULL, retries = retries + 1 WHERE id = :id")
    void resend(@Bind("id") long id);
}
