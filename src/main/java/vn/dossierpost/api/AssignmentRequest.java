package vn.dossierpost.api;

import jakarta.validation.constraints.NotBlank;

/** {@code PUT /api/deliveries/{s10}/assignment}: give the item to a courier of its office by hand. */
public record AssignmentRequest(
        @NotBlank(message = "is required: the username of a courier of the item's office") @Line(max = 100)
        String courier) {}
