package vn.dossierpost.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import vn.dossierpost.domain.DeliveryMethod;
import vn.dossierpost.domain.DocumentForm;
import vn.dossierpost.domain.IdType;
import vn.dossierpost.domain.ServiceForm;

/**
 * {@code POST /api/dossiers}. The first five fields are the contract; the rest are optional:
 * {@code appointmentSlipByPost} (the post also brings the agency's appointment slip back, which
 * lengthens the leg per TT 17/2017 Art. 7), {@code agencyReference} (RETURN_ONLY: the agency's own
 * reference of a dossier filed elsewhere), {@code paymentMethod}; {@code filer}: who files on the applicant's
 * behalf with an authorisation (người nộp thay), where the procedure allows it; {@code delivery.postageOnDelivery}: the
 * return postage is collected from the recipient when the result is delivered instead of at the counter.
 * The intake service checks these annotations itself, with the catalogue's rules, so the clerk gets
 * every problem of a dossier in one answer; what the delivery needs depends on the service form and
 * the method, so the service checks it. The applicant is identified by {@code idType} and
 * {@code idNumber}; {@code citizenId} alone, as before, is read as a CCCD.
 */
public record IntakeRequest(
        @NotBlank(message = "is required: the code of the administrative procedure (see GET /api/procedures)")
        @Line(max = 40)
        String procedureCode,

        @NotNull(message = "is required: one of SEND_ONLY, SEND_AND_RETURN, RETURN_ONLY")
        ServiceForm serviceForm,

        @NotNull(message = "is required: fullName, idType, idNumber, phone, address") @Valid
        Applicant applicant,

        @Valid Filer filer,

        Delivery delivery,

        @Size(max = 100, message = "has too many documents: at most {max}")
        List<@Valid Component> components,

        Boolean appointmentSlipByPost,
        @Line(max = 100) String agencyReference,
        @Line(max = 40) String paymentMethod) {

    public record Applicant(
            @NotBlank(message = "is required") @Line(max = 300)
            String fullName,

            @Line(max = 40) String citizenId,
            IdType idType,
            @Line(max = 40) String idNumber,

            @NotBlank(message = "is required: a mobile number, 0 or +84 followed by 9 digits") @Line(max = 40)
            String phone,

            @EmailAddress(max = 300) String email,

            @NotNull(message = "is required: street and communeCode") @Valid
            Address address) {}

    public record Filer(
            @NotBlank(message = "is required: the filer's full name") @Line(max = 300)
            String fullName,

            @NotNull(message = "is required: CCCD or PASSPORT, the filer's identity document")
            IdType idType,

            @NotBlank(message = "is required: the number of the filer's identity document") @Line(max = 40)
            String idNumber,

            @NotBlank(message = "is required: the filer's relation to the applicant (e.g. con, nhân viên)")
            @Line(max = 100)
            String relation,

            @NotBlank(
                    message = "is required: the reference of the authorisation (giấy ủy quyền), e.g. its number"
                            + " and date")
            @Line(max = 200)
            String authorisation) {}

    public record Address(
            @NotBlank(message = "is required") @Line(max = 300)
            String street,

            @NotBlank(message = "is required: the 5-digit commune code (Decision 19/2025/QĐ-TTg)") @CommuneCode
            String communeCode) {}

    public record Delivery(DeliveryMethod method, Address address, Boolean postageOnDelivery) {}

    public record Component(
            @Line(max = 100) String code,

            @NotNull(message = "is required: ORIGINAL (bản chính) or COPY (bản sao)")
            DocumentForm form,

            @NotNull(message = PAGES) @Min(value = 1, message = PAGES) @Max(value = 10_000, message = PAGES)
            Integer pages) {

        private static final String PAGES = "is required: the number of pages, 1 to 10000";
    }
}
