package vn.dossierpost.health;

import java.util.List;
import java.util.stream.Collectors;
import vn.dossierpost.api.S10SeriesView;
import vn.dossierpost.service.counter.S10Series;

/**
 * Unhealthy while a post office has fewer S10 numbers left than the configured threshold: a new series
 * must be loaded before intake there is refused.
 */
public final class S10SeriesHealthCheck extends GuardedHealthCheck {
    private final S10Series series;

    public S10SeriesHealthCheck(S10Series series) {
        this.series = series;
    }

    @Override
    protected Result checkOrThrow() {
        List<S10SeriesView.Office> low = series.low();
        ResultBuilder result = Result.builder().withDetail("alertBelow", series.alertBelow());
        if (low.isEmpty()) {
            return result.healthy().build();
        }
        low.forEach(o -> result.withDetail(o.officeCode(), o.remaining()));
        return result.unhealthy()
                .withMessage(low.stream()
                                .map(o -> o.officeCode() + " (" + o.remaining() + " left)")
                                .collect(Collectors.joining(", "))
                        + ": S10 numbers running low, load a new series: POST /api/s10-series")
                .build();
    }
}
