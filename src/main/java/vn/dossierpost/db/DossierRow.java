package vn.dossierpost.db;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One row of {@code dossier}, as stored. */
public record DossierRow(
        long id,
        String code,
        String s10Number,
        String returnS10Number,
        String procedureCode,
        String agencyCode,
        String officeCode,
        String serviceForm,
        String status,
        String applicantName,
        String applicantCitizenId,
        String applicantPhone,
        String applicantEmail,
        String applicantStreet,
        String applicantCommune,
        String deliveryMethod,
        String deliveryStreet,
        String deliveryCommune,
        boolean appointmentSlipByPost,
        String agencyReference,
        String routeClass,
        OffsetDateTime receivedAt,
        String receivedBy,
        LocalDate acceptanceDay,
        LocalDate handoverDue,
        LocalDate resultDue,
        LocalDate returnDue,
        long postage,
        long governmentFee,
        String paymentMethod,
        String fees,
        OffsetDateTime updatedAt) {

    public static final String COLUMNS = "id, code, s10_number, return_s10_number, procedure_code, agency_code, office_code, "
            + "service_form, status, applicant_name, applicant_citizen_id, applicant_phone, applicant_email, applicant_street, "
            + "applicant_commune, delivery_method, delivery_street, delivery_commune, appointment_slip_by_post, agency_reference, "
            + "route_class, received_at, received_by, acceptance_day, handover_due, result_due, return_due, postage, "
            + "government_fee, payment_method, fees::text AS fees, updated_at";
}
