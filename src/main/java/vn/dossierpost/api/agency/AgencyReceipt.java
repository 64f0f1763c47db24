package vn.dossierpost.api.agency;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;

/** The agency's acknowledgement of one dossier: its receipt number and the filing time. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgencyReceipt(String dossierCode, String receiptNumber, OffsetDateTime receivedAt) {}
