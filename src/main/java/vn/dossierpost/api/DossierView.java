package vn.dossierpost.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import vn.dossierpost.domain.DeliveryMethod;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.IdType;
import vn.dossierpost.domain.RouteClass;
import vn.dossierpost.domain.ServiceForm;

/** A dossier as staff see it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DossierView(
        String code,
        String s10Number,
        String returnS10Number,
        DossierStatus status,
        String statusLabelVi,
        String statusLabelEn,
        List<String> allowedNext,
        ServiceForm serviceForm,
        Ref procedure,
        Ref agency,
        Ref office,
        RouteClass routeClass,
        Applicant applicant,
        Filer filer,
        Delivery delivery,
        boolean appointmentSlipByPost,
        String agencyReference,
        Handover handover,
        List<Component> components,
        FeesView fees,
        DueDates dueDates,
        Clock clock,
        OffsetDateTime receivedAt,
        String receivedBy,
        String trackingUrl,
        String slipUrl) {

    public record Ref(String code, String name) {}

    /** {@code citizenId}: the number when {@code idType} is CCCD, as before there were other types. */
    public record Applicant(
            String fullName,
            String citizenId,
            String phone,
            String email,
            Address address,
            IdType idType,
            String idNumber) {}

    /** Who filed the dossier on the applicant's behalf; absent when the applicant filed in person. */
    public record Filer(String fullName, IdType idType, String idNumber, String relation, String authorisation) {

        public static Filer of(vn.dossierpost.domain.Filer f) {
            return f == null ? null : new Filer(f.name(), f.idType(), f.idNumber(), f.relation(), f.authorisation());
        }
    }

    public record Address(String street, String communeCode, String communeName) {}

    /** {@code office}: the office that delivers the result, or holds it for collection. */
    public record Delivery(DeliveryMethod method, Address address, Ref office) {}

    public record Component(String code, String name, String form, int pages) {}

    /**
     * The handover the dossier last travelled in ({@code state} of the dossier in it: PENDING, SENT,
     * DELIVERED, FAILED) and, once the agency has filed it, the agency's receipt number and filing time.
     * Absent before the first handover.
     */
    public record Handover(String no, String state, String receiptNumber, OffsetDateTime filedAt) {}

    /**
     * Who holds the dossier now and until when: {@code stage} TO_AGENCY, AT_AGENCY or TO_APPLICANT
     * (null while no clock runs), {@code holder} POST, AGENCY or APPLICANT (waiting for a supplement).
     */
    public record Clock(String stage, String holder, LocalDate due, boolean overdue) {}

    public record DueDates(
            LocalDate acceptanceDay, LocalDate handoverBy, LocalDate resultAppointment, LocalDate returnBy) {}
}
