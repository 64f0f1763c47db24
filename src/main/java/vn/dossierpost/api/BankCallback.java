package vn.dossierpost.api;

/**
 * What the bank posts when a transfer to the post's account arrives: its own transaction id, the
 * purpose the payer's app sent (the dossier code from the VietQR code) and the amount in VND.
 */
public record BankCallback(String transactionId, String purpose, Long amount) {}
