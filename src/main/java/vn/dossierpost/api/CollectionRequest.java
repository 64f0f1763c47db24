package vn.dossierpost.api;

import java.util.List;

/**
 * {@code POST /api/dossiers/{code}/collection}: what the clerk took over at the agency — the result
 * documents (or the refusal notice) and any originals given back — and who handed it over there.
 */
public record CollectionRequest(List<Item> items, String agencyOfficer) {

    /** @param kind RESULT or ORIGINAL_RETURNED */
    public record Item(String name, String kind, Integer copies) {}
}
