package vn.dossierpost.api;

import java.time.OffsetDateTime;
import java.util.List;

/** A page of the access log, newest first; pass {@code next} back as {@code before} for the following page. */
public record AccessLogPage(List<Entry> items, Long next) {

    /** Who read what, when, from where. */
    public record Entry(
            long id,
            OffsetDateTime at,
            String username,
            String role,
            String officeCode,
            String agencyCode,
            String kind,
            String dossierCode,
            String reference,
            String method,
            String path,
            String address) {}
}
