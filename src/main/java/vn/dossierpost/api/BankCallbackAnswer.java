package vn.dossierpost.api;

/**
 * The post's answer to a bank callback, the same however often the bank repeats it: PAID, HELD (the
 * amount did not match: a supervisor decides), ALREADY_PAID (a second transfer for a paid dossier,
 * to be paid back) or UNKNOWN_DOSSIER (the purpose names no dossier).
 */
public record BankCallbackAnswer(String transactionId, String outcome) {}
