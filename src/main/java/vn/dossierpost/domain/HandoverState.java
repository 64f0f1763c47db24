package vn.dossierpost.domain;

/**
 * Where a handover stands: being sent; SENT (a file-drop package in the agency's folder, waiting for
 * its acknowledgement file); DELIVERED (every dossier acknowledged); FAILED (a dead letter, sent again
 * by hand).
 */
public enum HandoverState {
    SENDING,
    SENT,
    DELIVERED,
    FAILED
}
