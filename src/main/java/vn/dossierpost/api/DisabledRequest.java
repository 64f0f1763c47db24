package vn.dossierpost.api;

/** {@code PUT /api/users/{username}/disabled}: {@code {"disabled": true}} disables, {@code false} enables. */
public record DisabledRequest(Boolean disabled) {}
