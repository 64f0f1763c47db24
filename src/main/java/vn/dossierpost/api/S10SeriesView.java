package vn.dossierpost.api;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The S10 series and the numbers each office has left. {@code state} of a series: ACTIVE (numbers
 * are taken from it now), WAITING (used when the office's earlier series run out) or USED_UP; the
 * series of the numbers issued before series existed has no office. {@code alertBelow}: an office
 * with fewer numbers left is {@code low} (health check {@code s10-series}, the supervisor's page).
 */
public record S10SeriesView(int alertBelow, List<Office> offices, List<Series> series) {

    public record Office(String officeCode, String officeName, long remaining, boolean low) {}

    public record Series(
            long id,
            String officeCode,
            String prefix,
            long from,
            long to,
            long next,
            long remaining,
            String state,
            String firstNumber,
            String lastNumber,
            OffsetDateTime loadedAt,
            String loadedBy) {}
}
