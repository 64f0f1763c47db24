package vn.dossierpost.api;

import java.util.List;
import vn.dossierpost.domain.DossierStatus;

/** A page of a dossier list; pass {@code next} back as {@code before} for the following page. */
public record DossierPage(List<Summary> items, Long next) {
    public record Summary(
            String code,
            String s10Number,
            DossierStatus status,
            String procedureCode,
            String agencyCode,
            String officeCode,
            String applicantName,
            java.time.OffsetDateTime receivedAt,
            java.time.LocalDate handoverDue,
            java.time.LocalDate resultDue,
            DossierView.Clock clock) {}
}
