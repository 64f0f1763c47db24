package vn.dossierpost.api;

import java.time.OffsetDateTime;

/** A result (or refusal notice) for an office to collect at an agency. */
public record PickupView(
        String dossierCode,
        String kind,
        String resultReference,
        String agencyCode,
        String agencyName,
        String agencyAddress,
        String officeCode,
        OffsetDateTime readySince,
        OffsetDateTime collectedAt,
        String collectedBy) {}
