package vn.dossierpost.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code PUT /api/couriers/{username}/communes}: the communes whose deliveries go to this courier. */
public record CourierCommunes(
        @NotNull(message = "is required: a list of 5-digit commune codes (empty to clear)")
        @Size(max = 10_000, message = "lists too many communes: at most {max}")
        List<@Line(max = 40) String> communes) {}
