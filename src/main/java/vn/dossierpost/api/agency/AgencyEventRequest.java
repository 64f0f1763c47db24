package vn.dossierpost.api.agency;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An agency's event about a dossier (DESIGN.md, "Inbound agency events"), over HTTP or as one line of
 * an inbox file. {@code missingItems} may accompany SUPPLEMENT_REQUESTED (what form 02 lists).
 */
public record AgencyEventRequest(String eventId, String dossierCode, String type, OffsetDateTime at, String reason,
                                 LocalDate newAppointmentDate, String resultReference, List<String> missingItems) {}
