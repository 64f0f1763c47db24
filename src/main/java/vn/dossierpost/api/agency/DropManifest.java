package vn.dossierpost.api.agency;

import java.time.OffsetDateTime;
import java.util.List;

/** manifest.json at the root of a file-drop package: one handover, every dossier in it. */
public record DropManifest(
        String handoverNo, String agencyCode, OffsetDateTime createdAt, List<DossierManifest> dossiers) {}
