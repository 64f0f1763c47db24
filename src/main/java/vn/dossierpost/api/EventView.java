package vn.dossierpost.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.OffsetDateTime;
import vn.dossierpost.domain.DossierStatus;

/** One entry of a dossier's timeline, as staff see it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventView(
        long id,
        String type,
        DossierStatus fromStatus,
        DossierStatus toStatus,
        OffsetDateTime at,
        String actor,
        String officeCode,
        String agencyCode,
        String note,
        @JsonRawValue String payload) {}
