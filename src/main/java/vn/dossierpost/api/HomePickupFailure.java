package vn.dossierpost.api;

import jakarta.validation.constraints.NotBlank;

/**
 * A visit where nobody could hand the dossier over. The first moves the booking to {@code date} and
 * {@code window} (left out: the next working day, same window); the second cancels it.
 */
public record HomePickupFailure(
        @NotBlank(message = "is required: why the dossier could not be collected (e.g. không có người ở nhà)")
        @Line(max = 300)
        String reason,

        @Line(max = 40) String date,
        @Line(max = 40) String window) {}
