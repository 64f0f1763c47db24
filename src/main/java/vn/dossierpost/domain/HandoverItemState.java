package vn.dossierpost.domain;

/** Where one dossier of a handover stands: still to send, dropped (waiting for its acknowledgement), acknowledged, refused or given up. */
public enum HandoverItemState {
    PENDING,
    SENT,
    DELIVERED,
    FAILED
}
