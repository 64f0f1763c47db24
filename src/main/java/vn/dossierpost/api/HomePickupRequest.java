package vn.dossierpost.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * {@code POST /api/home-pickups}: a visit to collect a dossier at the applicant's home (QĐ 45/2016
 * Art. 6). {@code date} is a working day (YYYY-MM-DD), today at the earliest; {@code window} is
 * MORNING or AFTERNOON. The courier covering the address's commune is given the booking.
 */
public record HomePickupRequest(
        @NotBlank(message = "is required: the code of the administrative procedure (see GET /api/procedures)")
        @Line(max = 40)
        String procedureCode,

        @NotNull(message = "is required: fullName, phone, address") @Valid
        Applicant applicant,

        @NotBlank(message = "is required: the day of the visit, YYYY-MM-DD, a working day") @Line(max = 40)
        String date,

        @NotBlank(message = "is required: MORNING or AFTERNOON") @Line(max = 40)
        String window) {

    public record Applicant(
            @NotBlank(message = "is required") @Line(max = 300)
            String fullName,

            @NotBlank(message = "is required: a mobile number, 0 or +84 followed by 9 digits") @Line(max = 40)
            String phone,

            @EmailAddress(max = 300) String email,

            @NotNull(message = "is required: street and communeCode") @Valid
            IntakeRequest.Address address) {}
}
