package vn.dossierpost.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** {@code PUT /api/courier/cash/{date}}: the cash a courier hands in at the end of the day, in VND. */
public record CashDeclaration(
        @NotNull(message = AMOUNT) @Min(value = 0, message = AMOUNT)
        Long amount) {
    private static final String AMOUNT = "is required: the cash handed in, in VND, 0 or more";
}
