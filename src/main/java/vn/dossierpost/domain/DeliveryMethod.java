package vn.dossierpost.domain;

/** How the result reaches the applicant on the return leg. */
public enum DeliveryMethod {
    HOME,
    PICKUP_AT_OFFICE
}
