package vn.dossierpost.api.agency;

import java.time.OffsetDateTime;

/** The agency's acknowledgement of one dossier: its receipt number and the filing time. */
public record AgencyReceipt(String dossierCode, String receiptNumber, OffsetDateTime receivedAt) {}
