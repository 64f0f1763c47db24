package vn.dossierpost.api;

import jakarta.validation.constraints.NotNull;
import java.util.List;

/** {@code PUT /api/couriers/{username}/communes}: the communes whose deliveries go to this courier. */
public record CourierCommunes(
        @NotNull(message = "is required: a list of 5-digit commune codes (empty to clear)")
        List<String> communes) {}
