package vn.dossierpost.api;

import java.util.List;
import vn.dossierpost.domain.DossierStatus;

/**
 * The answer to an upload: the files just stored, the dossier's status after it, and the required
 * documents that still have no scan (empty once the dossier is DIGITISED).
 */
public record UploadResult(
        String dossierCode, DossierStatus status, List<FileView> files, List<String> requiredWithoutFile) {}
