package vn.dossierpost.db;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.AllowUnusedBindings;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.stringtemplate4.UseStringTemplateEngine;
import vn.dossierpost.domain.DeliveryMethod;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.Filer;
import vn.dossierpost.domain.IdType;
import vn.dossierpost.domain.PaymentMethod;
import vn.dossierpost.domain.RouteClass;
import vn.dossierpost.domain.ServiceForm;

/** Dossiers, their documents and their timeline. */
@RegisterRowMapper(DossierRow.Mapper.class)
public interface DossierDAO {

    record NewDossier(
            String code,
            String s10Number,
            String procedureCode,
            String agencyCode,
            String officeCode,
            ServiceForm serviceForm,
            DossierStatus status,
            String applicantName,
            String applicantCitizenId,
            String applicantPhone,
            String applicantEmail,
            String applicantStreet,
            String applicantCommune,
            DeliveryMethod deliveryMethod,
            String deliveryStreet,
            String deliveryCommune,
            boolean appointmentSlipByPost,
            String agencyReference,
            RouteClass routeClass,
            OffsetDateTime receivedAt,
            String receivedBy,
            LocalDate acceptanceDay,
            LocalDate handoverDue,
            LocalDate resultDue,
            LocalDate returnDue,
            long postage,
            long governmentFee,
            PaymentMethod paymentMethod,
            String fees,
            IdType applicantIdType,
            Filer filer,
            String deliveryOfficeCode) {

        /** The row as it now stands in the database, so intake can answer without reading it back. */
        public DossierRow toRow(long id) {
            return new DossierRow(
                    id,
                    code,
                    s10Number,
                    null,
                    procedureCode,
                    agencyCode,
                    officeCode,
                    serviceForm,
                    status,
                    applicantName,
                    applicantCitizenId,
                    applicantPhone,
                    applicantEmail,
                    applicantStreet,
                    applicantCommune,
                    deliveryMethod,
                    deliveryStreet,
                    deliveryCommune,
                    appointmentSlipByPost,
                    agencyReference,
                    routeClass,
                    receivedAt,
                    receivedBy,
                    acceptanceDay,
                    handoverDue,
                    resultDue,
                    returnDue,
                    postage,
                    governmentFee,
                    paymentMethod,
                    fees,
                    receivedAt,
                    applicantIdType,
                    filer,
                    deliveryOfficeCode);
        }
    }

    record ComponentRow(String code, String name, String form, int pages, int position) {}

    @SqlQuery("SELECT " + DossierRow.COLUMNS + " FROM dossier WHERE code = :code")
    Optional<DossierRow> findByCode(@Bind("code") String code);

    @SqlQuery("SELECT " + DossierRow.COLUMNS + " FROM dossier WHERE code = :code FOR UPDATE")
    Optional<DossierRow> lockByCode(@Bind("code") String code);

    @SqlQuery("SELECT " + DossierRow.COLUMNS + " FROM dossier WHERE id = :id")
    Optional<DossierRow> findById(@Bind("id") long id);

    @SqlQuery("SELECT " + DossierRow.COLUMNS + " FROM dossier WHERE id = :id FOR UPDATE")
    Optional<DossierRow> lockById(@Bind("id") long id);

    /** The newest RETURN_ONLY dossier waiting for the result the agency knows under its own reference. */
    @SqlQuery("SELECT " + DossierRow.COLUMNS
            + " FROM dossier WHERE agency_code = :agency AND agency_reference = :reference "
            + "AND service_form = 'RETURN_ONLY' ORDER BY (status = 'AWAITING_RESULT') DESC, id DESC LIMIT 1 FOR UPDATE")
    Optional<DossierRow> lockReturnOnly(@Bind("agency") String agencyCode, @Bind("reference") String agencyReference);

    /** The office serving the delivery address after its correction ({@code Corrections}). */
    @SqlUpdate("UPDATE dossier SET delivery_office_code = :office WHERE id = :id")
    void deliveryOffice(@Bind("id") long id, @Bind("office") String officeCode);

    @SqlUpdate("UPDATE dossier SET return_s10_number = :s10 WHERE id = :id")
    void returnS10(@Bind("id") long id, @Bind("s10") String s10Number);

    /** Locks several dossiers at once, in id order (the same order everywhere, so no deadlock). */
    @SqlQuery("SELECT " + DossierRow.COLUMNS + " FROM dossier WHERE id IN (<ids>) ORDER BY id FOR UPDATE")
    List<DossierRow> lockByIds(@BindList("ids") List<Long> ids);

    /** The documents of several dossiers, each with its dossier's id. */
    record DossierComponent(long dossierId, String code, String name, String form, int pages, int position) {
        public ComponentRow row() {
            return new ComponentRow(code, name, form, pages, position);
        }
    }

    @SqlQuery("SELECT dossier_id, code, name, form, pages, position FROM dossier_component WHERE dossier_id IN (<ids>) "
            + "ORDER BY dossier_id, position")
    @RegisterConstructorMapper(DossierComponent.class)
    List<DossierComponent> componentsOf(@BindList("ids") List<Long> ids);

    @SqlUpdate("UPDATE dossier SET result_due = :result, return_due = :ret WHERE id = :id")
    void rescheduled(@Bind("id") long id, @Bind("result") LocalDate resultDue, @Bind("ret") LocalDate returnDue);

    /** The contact details after a correction before handover ({@code Corrections}). */
    record Contacts(
            String fullName,
            String phone,
            String email,
            String street,
            String communeCode,
            String deliveryStreet,
            String deliveryCommune) {}

    /** Written by {@code StatusChanges} only, with its clock, like every update of {@code updated_at} below. */
    @SqlBatch("UPDATE dossier SET status = :status, updated_at = :at WHERE id = :id")
    void updateStatuses(
            @Bind("id") List<Long> ids, @Bind("status") DossierStatus status, @Bind("at") OffsetDateTime at);

    @SqlUpdate("UPDATE dossier SET filed_at = coalesce(filed_at, :filedAt), updated_at = :at WHERE id = :id")
    void filedIfNot(@Bind("id") long id, @Bind("filedAt") OffsetDateTime filedAt, @Bind("at") OffsetDateTime at);

    @SqlUpdate(
            "UPDATE dossier SET applicant_name = :c.fullName, applicant_phone = :c.phone, applicant_email = :c.email, "
                    + "applicant_street = :c.street, applicant_commune = :c.communeCode, delivery_street = :c.deliveryStreet, "
                    + "delivery_commune = :c.deliveryCommune, updated_at = :at WHERE id = :id")
    void correct(@Bind("id") long id, @BindMethods("c") Contacts contacts, @Bind("at") OffsetDateTime at);

    @SqlUpdate("UPDATE dossier SET result_due = :day, return_due = :ret, updated_at = :at WHERE id = :id")
    void resultDue(
            @Bind("id") long id,
            @Bind("day") LocalDate resultDue,
            @Bind("ret") LocalDate returnDue,
            @Bind("at") OffsetDateTime at);

    @SqlUpdate("UPDATE dossier SET handover_due = :day WHERE id = :id")
    void handoverDue(@Bind("id") long id, @Bind("day") LocalDate handoverDue);

    @SqlUpdate("UPDATE dossier SET return_due = :day WHERE id = :id")
    void returnDue(@Bind("id") long id, @Bind("day") LocalDate returnDue);

    /** The agency's filing time (its receipt), null before it is known. */
    @SqlQuery("SELECT filed_at FROM dossier WHERE id = :id")
    Optional<OffsetDateTime> filedAt(@Bind("id") long id);

    @SqlUpdate("UPDATE dossier SET result_reference = :ref, updated_at = :at WHERE id = :id")
    void resultReference(@Bind("id") long id, @Bind("ref") String resultReference, @Bind("at") OffsetDateTime at);

    /** The agency's receipts, in the transaction that moves the dossiers to DELIVERED_TO_AGENCY. */
    @SqlBatch("UPDATE dossier SET filed_at = :at, agency_receipt_number = :receipt WHERE id = :id")
    void filed(
            @Bind("id") List<Long> dossierIds,
            @Bind("at") List<OffsetDateTime> filedAt,
            @Bind("receipt") List<String> receiptNumbers);

    @SqlQuery("SELECT " + DossierRow.COLUMNS + " FROM dossier WHERE s10_number = :s10 OR return_s10_number = :s10")
    Optional<DossierRow> findByS10(@Bind("s10") String s10);

    @SqlQuery(
            "SELECT code, name, form, pages, position FROM dossier_component WHERE dossier_id = :id ORDER BY position")
    @RegisterConstructorMapper(ComponentRow.class)
    List<ComponentRow> components(@Bind("id") long dossierId);

    /** The last handover a dossier travelled in, and the agency's receipt for it once it has one. */
    record LastHandoverRow(
            String handoverNo,
            vn.dossierpost.domain.HandoverItemState state,
            String receiptNumber,
            java.time.OffsetDateTime receivedAt) {}

    @SqlQuery("SELECT h.no AS handover_no, i.state, i.receipt_number, i.received_at FROM handover_item i "
            + "JOIN handover h ON h.id = i.handover_id WHERE i.dossier_id = :id ORDER BY h.id DESC LIMIT 1")
    @RegisterConstructorMapper(LastHandoverRow.class)
    Optional<LastHandoverRow> lastHandover(@Bind("id") long dossierId);

    /**
     * A page of dossiers, newest first, keyset-paged on id, each filter applied when it is set. An
     * agency sees only what it was handed ({@code hidden}: the statuses before the handover);
     * {@code overdue}: past due on whichever leg is running, each leg's statuses with its due date
     * (a SEND_ONLY dossier has no return leg).
     */
    @SqlQuery("SELECT " + DossierRow.COLUMNS + " FROM dossier WHERE true"
            + "<if(byStatus)> AND status = :status<endif>"
            + "<if(byAgency)> AND agency_code = :agencyCode<endif>"
            + "<if(byOffice)> AND office_code = :officeCode<endif>"
            + "<if(byBefore)> AND id \\< :beforeId<endif>"
            + "<if(hiding)> AND status NOT IN (<hidden>)<endif>"
            + "<if(overdue)> AND ((status IN (<toAgency>) AND handover_due \\< :today)"
            + " OR (status IN (<atAgency>) AND result_due \\< :today)"
            + " OR (status IN (<toApplicant>) AND service_form \\<> 'SEND_ONLY' AND return_due \\< :today))<endif>"
            + " ORDER BY id DESC LIMIT :limit")
    @UseStringTemplateEngine
    List<DossierRow> list(
            @BindMethods ListFilter filter,
            @Define("byStatus") boolean byStatus,
            @Define("byAgency") boolean byAgency,
            @Define("byOffice") boolean byOffice,
            @Define("byBefore") boolean byBefore,
            @Define("hiding") boolean hiding,
            @BindList(value = "hidden", onEmpty = BindList.EmptyHandling.VOID) Collection<DossierStatus> hidden,
            @Define("overdue") boolean overdue,
            @BindList("toAgency") Collection<DossierStatus> toAgency,
            @BindList("atAgency") Collection<DossierStatus> atAgency,
            @BindList("toApplicant") Collection<DossierStatus> toApplicant,
            @Bind("limit") int limit);

    /** A list query through {@link #list}: each filter applies when it is not null. */
    default List<DossierRow> list(
            ListFilter f,
            Collection<DossierStatus> hidden,
            boolean overdue,
            Collection<DossierStatus> toAgency,
            Collection<DossierStatus> atAgency,
            Collection<DossierStatus> toApplicant,
            int limit) {
        return list(
                f,
                f.status() != null,
                f.agencyCode() != null,
                f.officeCode() != null,
                f.beforeId() != null,
                !hidden.isEmpty(),
                hidden,
                overdue,
                toAgency,
                atAgency,
                toApplicant,
                limit);
    }

    record ListFilter(DossierStatus status, String agencyCode, String officeCode, LocalDate today, Long beforeId) {}
    /** What an office took in within [from, to), newest first. */
    @SqlQuery("SELECT " + DossierRow.COLUMNS + " FROM dossier WHERE office_code = :office "
            + "AND received_at >= :from AND received_at < :to ORDER BY received_at DESC, id DESC LIMIT :limit")
    List<DossierRow> receivedBetween(
            @Bind("office") String officeCode,
            @Bind("from") OffsetDateTime from,
            @Bind("to") OffsetDateTime to,
            @Bind("limit") int limit);

    @SqlQuery("SELECT count(*) FROM dossier WHERE office_code = :office AND received_at >= :from AND received_at < :to")
    long countReceivedBetween(
            @Bind("office") String officeCode, @Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to);

    /** An office's dossiers in one status, the longest waiting first. */
    @SqlQuery("SELECT " + DossierRow.COLUMNS
            + " FROM dossier WHERE office_code = :office AND status = :status ORDER BY id LIMIT :limit")
    List<DossierRow> inStatus(
            @Bind("office") String officeCode, @Bind("status") DossierStatus status, @Bind("limit") int limit);

    @SqlQuery("SELECT count(*) FROM dossier WHERE office_code = :office AND status = :status")
    long countInStatus(@Bind("office") String officeCode, @Bind("status") DossierStatus status);

    /** What a counter search matches on; each a fixed piece of SQL on an indexed column (migration 010). */
    enum SearchBy {
        CITIZEN_ID("applicant_citizen_id = :value", false),
        PHONE("applicant_phone = :value", false),
        /** {@code value}: folded words separated by single spaces, all of which the name must have. */
        NAME("applicant_name_words @> string_to_array(:value, ' ')", false),
        /** As NAME, inside one office, through the index of office-prefixed words. */
        NAME_IN_OFFICE(
                "dossier_office_words(office_code, applicant_name_words) @> dossier_office_words(:office, string_to_array(:value, ' '))",
                true);

        private final String condition;
        private final boolean coversOffice;

        SearchBy(String condition, boolean coversOffice) {
            this.condition = condition;
            this.coversOffice = coversOffice;
        }

        public String condition() {
            return condition;
        }
    }

    /**
     * A page of a search, newest first, keyset-paged on id; {@code officeCode} null searches every
     * office.
     */
    @SqlQuery("SELECT " + DossierRow.COLUMNS + " FROM dossier WHERE <condition>"
            + "<if(byOffice)> AND office_code = :office<endif>"
            + "<if(byBefore)> AND id \\< :before<endif> ORDER BY id DESC LIMIT :limit")
    @UseStringTemplateEngine
    @AllowUnusedBindings
    List<DossierRow> search(
            @Define("condition") String condition,
            @Bind("value") String value,
            @Define("byOffice") boolean byOffice,
            @Bind("office") String officeCode,
            @Define("byBefore") boolean byBefore,
            @Bind("before") Long beforeId,
            @Bind("limit") int limit);

    default List<DossierRow> search(SearchBy by, String value, String officeCode, Long beforeId, int limit) {
        SearchBy used = by == SearchBy.NAME && officeCode != null ? SearchBy.NAME_IN_OFFICE : by;
        return search(
                used.condition(),
                value,
                officeCode != null && !used.coversOffice,
                officeCode,
                beforeId != null,
                beforeId,
                limit);
    }
}
