package vn.dossierpost.service.audit;

import vn.dossierpost.domain.User;

/**
 * One successful read of personal data: by whom, of what kind, which dossier (its code, or the S10
 * number of its return item), the file, handover or list query read, and the request it came in.
 */
public record PersonalDataRead(
        User reader,
        String kind,
        String dossierCode,
        String s10Number,
        String reference,
        String method,
        String path,
        String address) {}
