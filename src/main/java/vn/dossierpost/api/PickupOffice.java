package vn.dossierpost.api;

/**
 * {@code GET/PUT /api/agencies/{code}/pickup-office}: the post office whose clerks collect the
 * agency's results. {@code officeCode} null on a PUT goes back to the rule (the office of the
 * agency's commune, else the first of its province); {@code chosen} says whether it was set by hand.
 */
public record PickupOffice(String agencyCode, String officeCode, Boolean chosen) {}
