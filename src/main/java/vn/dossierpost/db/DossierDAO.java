package vn.dossierpost.db;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Dossiers, their documents and their timeline. */
@RegisterRowMapper(DossierRow.Mapper.class)
public interface DossierDAO {

    record NewDossier(String code, String s10Number, String procedureCode, String agencyCode, String officeCode,
                      String serviceForm, String status, String applicantName, String applicantCitizenId,
                      String applicantPhone, String applicantEmail, String applicantStreet, String applicantCommune,
                      String deliveryMethod, String deliveryStreet, String deliveryCommune, boolean appointmentSlipByPost,
                      String agencyReference, String routeClass, OffsetDateTime receivedAt, String receivedBy,
                      LocalDate acceptanceDay, LocalDate handoverDue, LocalDate resultDue, LocalDate returnDue,
                      long postage, long governmentFee, String paymentMethod, String fees) {

        /** The row as it now stands in the database, so intake can answer without reading it back. */
        public DossierRow toRow(long id) {
            return new DossierRow(id, code, s10Number, null, procedureCode, agencyCode, officeCode, serviceForm, status,
                    applicantName, applicantCitizenId, applicantPhone, applicantEmail, applicantStreet, applicantCommune,
                    deliveryMethod, deliveryStreet, deliveryCommune, appointmentSlipByPost, agencyReference, routeClass,
                    receivedAt, receivedBy, acceptanceDay, handoverDue, resultDue, returnDue, postage, governmentFee,
                    paymentMethod, fees, receivedAt);
        }
    }

    record ComponentRow(String code, String name, String form, int pages, int position) {}

    /** The numbers a new dossier needs: the XXXX of its code and the serial of its S10 number. */
    record Allocation(int sequence, long serial) {}

    /**
     * One statement, committed on its own: the agency's per-day counter row is locked only for this
     * statement, not for the whole intake (all intakes for one agency queue on that row). A dossier
     * that then fails to be stored leaves a gap in the sequence, never a reused code.
     */
    @SqlQuery("WITH s AS (INSERT INTO dossier_code_sequence (agency_code, day, last_value) VALUES (:agency, :day, 1) "
            + "ON CONFLICT (agency_code, day) DO UPDATE SET last_value = dossier_code_sequence.last_value + 1 "
            + "RETURNING last_value) SELECT last_value AS sequence, nextval('s10_serial') AS serial FROM s")
    @RegisterConstructorMapper(Allocation.class)
    Allocation allocate(@Bind("agency") String agencyCode, @Bind("day") LocalDate day);

    /**
     * The dossier, its documents and its first timeline event in one statement: atomic by itself
     * and one round trip, which is what intake throughput depends on.
     */
    @SqlQuery("WITH d AS (INSERT INTO dossier (code, s10_number, procedure_code, agency_code, office_code, service_form, status, "
            + "applicant_name, applicant_citizen_id, applicant_phone, applicant_email, applicant_street, applicant_commune, "
            + "delivery_method, delivery_street, delivery_commune, appointment_slip_by_post, agency_reference, route_class, "
            + "received_at, received_by, acceptance_day, handover_due, result_due, return_due, postage, government_fee, "
            + "payment_method, fees, updated_at) VALUES (:d.code, :d.s10Number, :d.procedureCode, :d.agencyCode, :d.officeCode, "
            + ":d.serviceForm, :d.status, :d.applicantName, :d.applicantCitizenId, :d.applicantPhone, :d.applicantEmail, "
            + ":d.applicantStreet, :d.applicantCommune, :d.deliveryMethod, :d.deliveryStreet, :d.deliveryCommune, "
            + ":d.appointmentSlipByPost, :d.agencyReference, :d.routeClass, :d.receivedAt, :d.receivedBy, :d.acceptanceDay, "
            + ":d.handoverDue, :d.resultDue, :d.returnDue, :d.postage, :d.governmentFee, :d.paymentMethod, CAST(:d.fees AS jsonb), "
            + ":d.receivedAt) RETURNING id), "
            + "c AS (INSERT INTO dossier_component (dossier_id, code, name, form, pages, position) "
            + "SELECT d.id, x.code, x.name, x.form, x.pages, x.position FROM d, unnest(CAST(:codes AS text[]), CAST(:names AS text[]), "
            + "CAST(:forms AS text[]), CAST(:pages AS int[]), CAST(:positions AS int[])) AS x(code, name, form, pages, position)), "
            + "e AS (INSERT INTO dossier_event (dossier_id, type, to_status, at, actor, office_code) "
            + "SELECT d.id, :d.status, :d.status, :d.receivedAt, :d.receivedBy, :d.officeCode FROM d) "
            + "SELECT id FROM d")
    long insertWithDocumentsAndFirstEvent(@BindMethods("d") NewDossier dossier, @Bind("codes") String[] codes,
                                          @Bind("names") String[] names, @Bind("forms") String[] forms,
                                          @Bind("pages") int[] pages, @Bind("positions") int[] positions);

    @SqlQuery("SELECT " + DossierRow.COLUMNS + " FROM dossier WHERE code = :code")
    Optional<DossierRow> findByCode(@Bind("code") String code);

    @SqlQuery("SELECT " + DossierRow.COLUMNS + " FROM dossier WHERE code = :code FOR UPDATE")
    Optional<DossierRow> lockByCode(@Bind("code") String code);

    @SqlQuery("SELECT " + DossierRow.COLUMNS + " FROM dossier WHERE s10_number = :s10 OR return_s10_number = :s10")
    Optional<DossierRow> findByS10(@Bind("s10") String s10);

    @SqlQuery("SELECT code, name, form, pages, position FROM dossier_component WHERE dossier_id = :id ORDER BY position")
    @RegisterConstructorMapper(ComponentRow.class)
    List<ComponentRow> components(@Bind("id") long dossierId);

    @SqlUpdate("UPDATE dossier SET status = :status, updated_at = :at WHERE id = :id")
    void updateStatus(@Bind("id") long id, @Bind("status") String status, @Bind("at") OffsetDateTime at);

    /**
     * A page of dossiers, newest first, keyset-paged on id. {@code <where>} is built by the caller from
     * fixed fragments only; values are always bound.
     */
    @SqlQuery("SELECT " + DossierRow.COLUMNS + " FROM dossier WHERE <where> ORDER BY id DESC LIMIT :limit")
    List<DossierRow> list(@Define("where") String where, @BindMethods ListFilter filter, @Bind("limit") int limit);

    record ListFilter(String status, String agencyCode, String officeCode, LocalDate today, Long beforeId) {}
}
