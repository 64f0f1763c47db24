package vn.dossierpost.api;

/**
 * An item found lost or damaged: the dossier ({@code dossier}: its code or either S10 number), the
 * {@code leg} it was on (OUTBOUND: the dossier to the agency; RETURN: the result to the applicant),
 * {@code kind} LOST or DAMAGED, who found it, where, on which day ({@code foundOn}, YYYY-MM-DD), what
 * happened, the re-issue costs the applicant declares (VND), the compensation agreed if above the
 * minimum, and the complaint it answers ({@code complaint}: KN-…), if any.
 */
public record IncidentRequest(
        String dossier,
        String leg,
        String kind,
        String foundBy,
        String foundWhere,
        String foundOn,
        String description,
        Long reissueCosts,
        Long compensation,
        String complaint) {}
