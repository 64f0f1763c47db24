package vn.dossierpost.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import vn.dossierpost.domain.DossierStatus;

/**
 * What the public sees: no ID number, phone, email or address; the name masked (TT 17/2017 Art. 12
 * requires free online tracking with the date the dossier reached the agency and the appointment).
 * {@code filer}: the masked name of who filed on the applicant's behalf, absent when the applicant did.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrackingView(
        String code,
        String s10Number,
        String returnS10Number,
        String applicant,
        String procedure,
        String agency,
        DossierStatus status,
        String statusLabelVi,
        String statusLabelEn,
        LocalDate resultAppointment,
        List<Step> events,
        String filer) {

    /** {@code reason} and {@code action}: an unsuccessful delivery attempt's (UPU EMH), in Vietnamese. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(
            OffsetDateTime at,
            String status,
            String labelVi,
            String labelEn,
            String upuEventCode,
            String place,
            String reason,
            String action) {}
}
