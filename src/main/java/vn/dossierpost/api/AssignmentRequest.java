package vn.dossierpost.api;

/** {@code PUT /api/deliveries/{s10}/assignment}: give the item to a courier of its office by hand. */
public record AssignmentRequest(String courier) {}
