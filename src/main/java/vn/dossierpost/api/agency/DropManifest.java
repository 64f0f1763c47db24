package vn.dossierpost.api.agency;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;
import java.util.List;

/** manifest.json at the root of a file-drop package: one handover, every dossier in it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DropManifest(
        String handoverNo, String agencyCode, OffsetDateTime createdAt, List<DossierManifest> dossiers) {}
