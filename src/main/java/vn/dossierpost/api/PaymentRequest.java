package vn.dossierpost.api;

/** The clerk (or, for a held transfer, a supervisor) confirms the money: CASH, VIETQR or CARD with the terminal's reference. */
public record PaymentRequest(String method, String terminalReference) {}
