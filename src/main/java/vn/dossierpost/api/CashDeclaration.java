package vn.dossierpost.api;

/** {@code PUT /api/courier/cash/{date}}: the cash a courier hands in at the end of the day, in VND. */
public record CashDeclaration(Long amount) {}
