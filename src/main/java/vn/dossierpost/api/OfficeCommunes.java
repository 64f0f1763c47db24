package vn.dossierpost.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code PUT /api/offices/{code}/communes}: the communes the office serves — results for a delivery
 * address there go to it. The list replaces the office's; a commune served by another office moves to
 * this one, and one left out is no longer served (its results stay with the office that took them in).
 */
public record OfficeCommunes(
        @NotNull(message = "is required: a list of 5-digit commune codes (empty to clear)")
        @Size(max = 10_000, message = "lists too many communes: at most {max}")
        List<@Line(max = 40) String> communes) {

    /** The answer, and {@code GET /api/offices/{code}/communes}: the office and the communes it serves. */
    public record Served(String officeCode, String officeName, List<CommuneView> communes) {}
}
