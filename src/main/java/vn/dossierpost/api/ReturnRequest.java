package vn.dossierpost.api;

/** {@code POST /api/deliveries/{s10}/return}: the held result goes back to the agency. */
public record ReturnRequest(
        @Line(max = 1000, multiline = true) String note) {}
