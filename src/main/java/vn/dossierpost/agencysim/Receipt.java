package vn.dossierpost.agencysim;

/**
 * What the agency answers for a dossier it took: its own receipt number (like {@code TN-000123})
 * and when it received it (ISO-8601 with the +07:00 offset). The same key always gets the same one.
 */
public record Receipt(String receiptNumber, String receivedAt) {}
