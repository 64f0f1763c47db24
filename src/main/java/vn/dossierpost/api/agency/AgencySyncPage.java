package vn.dossierpost.api.agency;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The agencies' sync view: their dossiers changed since a moment, with the status also in the
 * one-stop portals' numbers (DOMAIN.md) and the intake channel (3: public postal service). To go on,
 * ask again with {@code since} and {@code afterId} from {@code next}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgencySyncPage(List<Item> dossiers, Next next) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(
            String dossierCode,
            String s10Number,
            String procedureCode,
            String status,
            String statusVi,
            int portalStatus,
            int intakeChannel,
            OffsetDateTime receivedAt,
            OffsetDateTime filedAt,
            String receiptNumber,
            LocalDate appointmentDate,
            String resultReference,
            OffsetDateTime updatedAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Next(OffsetDateTime since, long afterId) {}
}
