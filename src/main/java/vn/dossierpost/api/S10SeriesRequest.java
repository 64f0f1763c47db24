package vn.dossierpost.api;

/**
 * {@code POST /api/s10-series}: a new series of S10 numbers for a post office — the 2-letter prefix
 * (service indicator, e.g. EH) and the first and last 8-digit serials, both included.
 */
public record S10SeriesRequest(String officeCode, String prefix, Long from, Long to) {}
