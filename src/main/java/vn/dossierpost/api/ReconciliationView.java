package vn.dossierpost.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** End-of-day cash per courier of an office: collected on deliveries (expected) against handed in (declared). */
public record ReconciliationView(String officeCode, LocalDate date, List<Line> couriers, long expected, long declared) {

    /** @param state BALANCED, SHORT, OVER or NOT_DECLARED */
    public record Line(
            String courier,
            String fullName,
            int delivered,
            long expected,
            Long declared,
            long difference,
            String state,
            OffsetDateTime declaredAt) {}
}
