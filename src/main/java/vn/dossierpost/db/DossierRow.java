package vn.dossierpost.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import vn.dossierpost.domain.DeliveryMethod;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.Filer;
import vn.dossierpost.domain.IdType;
import vn.dossierpost.domain.PaymentMethod;
import vn.dossierpost.domain.RouteClass;
import vn.dossierpost.domain.ServiceForm;

/**
 * One row of {@code dossier}, as stored. {@code applicantCitizenId} is the applicant's identity
 * number of type {@code applicantIdType}; {@code filer} is null when the applicant filed in person.
 * {@code deliveryOfficeCode} is null for a dossier taken in before it was kept: see {@link #deliveringOffice()}.
 */
public record DossierRow(
        long id,
        String code,
        String s10Number,
        String returnS10Number,
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
        OffsetDateTime updatedAt,
        IdType applicantIdType,
        Filer filer,
        String deliveryOfficeCode) {

    public static final String COLUMNS =
            "id, code, s10_number, return_s10_number, procedure_code, agency_code, office_code, "
                    + "service_form, status, applicant_name, applicant_citizen_id, applicant_phone, applicant_email, applicant_street, "
                    + "applicant_commune, delivery_method, delivery_street, delivery_commune, appointment_slip_by_post, agency_reference, "
                    + "route_class, received_at, received_by, acceptance_day, handover_due, result_due, return_due, postage, "
                    + "government_fee, payment_method, fees::text AS fees, updated_at, applicant_id_type, "
                    + "filer_name, filer_id_type, filer_id_number, filer_relation, filer_authorisation, delivery_office_code";

    /** The office that delivers the result or holds it for collection: the one chosen at intake, else the intake office. */
    public String deliveringOffice() {
        return deliveryOfficeCode != null ? deliveryOfficeCode : officeCode;
    }

    /**
     * Written out by hand: JDBI's reflective constructor mapper re-derives its plan for every result
     * set, which cost more than the query itself on the intake path.
     */
    public static final class Mapper implements RowMapper<DossierRow> {
        @Override
        public DossierRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new DossierRow(
                    rs.getLong("id"),
                    rs.getString("code"),
                    rs.getString("s10_number"),
                    rs.getString("return_s10_number"),
                    rs.getString("procedure_code"),
                    rs.getString("agency_code"),
                    rs.getString("office_code"),
                    ServiceForm.valueOf(rs.getString("service_form")),
                    DossierStatus.valueOf(rs.getString("status")),
                    rs.getString("applicant_name"),
                    rs.getString("applicant_citizen_id"),
                    rs.getString("applicant_phone"),
                    rs.getString("applicant_email"),
                    rs.getString("applicant_street"),
                    rs.getString("applicant_commune"),
                    nullable(DeliveryMethod.class, rs.getString("delivery_method")),
                    rs.getString("delivery_street"),
                    rs.getString("delivery_commune"),
                    rs.getBoolean("appointment_slip_by_post"),
                    rs.getString("agency_reference"),
                    nullable(RouteClass.class, rs.getString("route_class")),
                    rs.getObject("received_at", OffsetDateTime.class),
                    rs.getString("received_by"),
                    rs.getObject("acceptance_day", LocalDate.class),
                    rs.getObject("handover_due", LocalDate.class),
                    rs.getObject("result_due", LocalDate.class),
                    rs.getObject("return_due", LocalDate.class),
                    rs.getLong("postage"),
                    rs.getLong("government_fee"),
                    PaymentMethod.valueOf(rs.getString("payment_method")),
                    rs.getString("fees"),
                    rs.getObject("updated_at", OffsetDateTime.class),
                    IdType.valueOf(rs.getString("applicant_id_type")),
                    filer(rs),
                    rs.getString("delivery_office_code"));
        }

        private static Filer filer(ResultSet rs) throws SQLException {
            String name = rs.getString("filer_name");
            return name == null
                    ? null
                    : new Filer(
                            name,
                            IdType.valueOf(rs.getString("filer_id_type")),
                            rs.getString("filer_id_number"),
                            rs.getString("filer_relation"),
                            rs.getString("filer_authorisation"));
        }

        private static <E extends Enum<E>> E nullable(Class<E> type, String name) {
            return name == null ? null : Enum.valueOf(type, name);
        }
    }
}
