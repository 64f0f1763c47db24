package vn.dossierpost.api.agency;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.dropwizard.validation.selfvalidating.SelfValidating;
import io.dropwizard.validation.selfvalidating.SelfValidation;
import io.dropwizard.validation.selfvalidating.ViolationCollector;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import vn.dossierpost.api.Line;
import vn.dossierpost.api.OneOf;
import vn.dossierpost.domain.AgencyEventType;

/**
 * An agency's event about a dossier (DESIGN.md, "Inbound agency events"), over HTTP or as one line of
 * an inbox file. {@code missingItems} may accompany SUPPLEMENT_REQUESTED (what form 02 lists). What
 * each type needs besides is checked with the rest, so an agency learns every problem of an event at once.
 */
@SelfValidating
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgencyEventRequest(
        @NotBlank(message = EVENT_ID) @Line(max = 200, tooLong = EVENT_ID)
        String eventId,

        @NotBlank(message = "is required") @Line(max = 100) String dossierCode,

        @NotNull(message = TYPE) @OneOf(AgencyEventType.class)
        String type,

        OffsetDateTime at,
        @Line(max = 2000, multiline = true) String reason,
        LocalDate newAppointmentDate,
        @Line(max = 200) String resultReference,

        @Size(max = 100, message = "lists too many items: at most {max}")
        List<@NotBlank(message = "is required: what is missing") @Line(max = 500) String> missingItems) {

    private static final String EVENT_ID = "is required: the agency's own id of the event (at most 200 characters)";
    private static final String TYPE =
            "must be one of RECEIVED, IN_PROCESSING, SUPPLEMENT_REQUESTED, REFUSED, DELAYED, " + "RESULT_READY";

    /** The fields a type of event cannot go without. */
    @SelfValidation
    public void detailsOfType(ViolationCollector violations) {
        AgencyEventType t = Arrays.stream(AgencyEventType.values())
                .filter(v -> v.name().equals(type))
                .findFirst()
                .orElse(null);
        if (t == null) {
            return;
        }
        switch (t) {
            case SUPPLEMENT_REQUESTED, REFUSED -> {
                if (reason == null || reason.isBlank()) {
                    violations.addViolation("reason", "is required for " + t + " (the applicant is told why)");
                }
            }
            case DELAYED -> {
                if (newAppointmentDate == null) {
                    violations.addViolation("newAppointmentDate", "is required for DELAYED (YYYY-MM-DD)");
                }
            }
            case RESULT_READY -> {
                if (resultReference == null || resultReference.isBlank()) {
                    violations.addViolation("resultReference", "is required for RESULT_READY (what the post collects)");
                }
            }
            default -> {}
        }
    }
}
