package vn.dossierpost.api;

import java.util.List;

/**
 * The answer to an upload: the files just stored, the dossier's status after it, and the required
 * documents that still have no scan (empty once the dossier is DIGITISED).
 */
public record UploadResult(String dossierCode, String status, List<FileView> files, List<String> requiredWithoutFile) {}
