package vn.dossierpost.api;

/** A supplement taken at the counter; its documents are uploaded first, as scans of the dossier's documents. */
public record SupplementRequest(
        @Line(max = 1000, multiline = true) String note) {}
