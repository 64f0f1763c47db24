package vn.dossierpost.api;

/** {@code PUT /api/dossiers/{code}/retention-hold}: keep the dossier out of the retention purge, and why. */
public record RetentionHoldRequest(
        @Line(max = 1000, multiline = true) String reason) {}
