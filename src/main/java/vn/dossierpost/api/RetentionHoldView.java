package vn.dossierpost.api;

import java.time.OffsetDateTime;

/** An administrator's hold on a dossier: the retention purge leaves it alone until the hold is lifted. */
public record RetentionHoldView(String dossier, String reason, String heldBy, OffsetDateTime heldAt) {}
