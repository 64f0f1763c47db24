package vn.dossierpost.service.handover;

import vn.dossierpost.api.agency.DossierManifest;
import vn.dossierpost.domain.AgencyChannel;

/** One dossier of a handover to send: the manifest bytes exactly as stored (the signature covers them). */
public record HandoverItem(
        long handoverId,
        String handoverNo,
        String dossierCode,
        byte[] manifest,
        DossierManifest parsed,
        AgencyChannel agency) {

    /** The same on every resend of this handover; a new handover after a supplement gets a new one (DESIGN.md). */
    public String idempotencyKey() {
        return dossierCode + "/" + handoverNo;
    }
}
