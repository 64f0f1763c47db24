package vn.dossierpost.api;

/** Why the money of a withdrawn dossier is paid back. */
public record RefundRequest(String reason) {}
