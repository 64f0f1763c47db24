package vn.dossierpost.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code PATCH /api/dossiers/{code}}: a typo in the applicant's contact details or the delivery
 * address, corrected before the dossier is handed over. A field left out (or null) stays as it is;
 * an empty {@code email} removes it. An address is given whole (street and commune), as at intake.
 * The fields that decide the fees are listed only to be refused by name ({@link #feeFields()}): a
 * dossier priced otherwise is withdrawn and taken in again.
 */
public record CorrectionRequest(
        @NotBlank(message = "is required: why the details are corrected (what the applicant said)")
        @Line(max = 1000, multiline = true)
        String reason,

        @Valid Applicant applicant,
        @Valid Delivery delivery,

        JsonNode procedureCode,
        JsonNode serviceForm,
        JsonNode routeClass,
        JsonNode components,
        JsonNode appointmentSlipByPost,
        JsonNode paymentMethod) {

    public record Applicant(
            @Line(max = 300) String fullName,
            @Line(max = 40) String phone,
            @EmailAddress(max = 300) String email,
            @Valid IntakeRequest.Address address,
            JsonNode citizenId) {}

    public record Delivery(@Valid IntakeRequest.Address address, JsonNode method, JsonNode postageOnDelivery) {}

    /** The fields given that would change the price, by path. */
    public List<String> feeFields() {
        List<String> given = new ArrayList<>();
        add(given, "procedureCode", procedureCode);
        add(given, "serviceForm", serviceForm);
        add(given, "routeClass", routeClass);
        add(given, "components", components);
        add(given, "appointmentSlipByPost", appointmentSlipByPost);
        add(given, "paymentMethod", paymentMethod);
        if (delivery != null) {
            add(given, "delivery.method", delivery.method());
            add(given, "delivery.postageOnDelivery", delivery.postageOnDelivery());
        }
        return given;
    }

    private static void add(List<String> given, String field, JsonNode value) {
        if (value != null && !value.isNull()) {
            given.add(field);
        }
    }
}
