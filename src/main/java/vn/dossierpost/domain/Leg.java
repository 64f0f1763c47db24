package vn.dossierpost.domain;

/** A journey of a dossier through the post; each leg has its own S10 item number. */
public enum Leg {
    /** The dossier from the applicant to the agency. */
    OUTBOUND,
    /** The result from the agency to the applicant. */
    RETURN
}
