package vn.dossierpost.api;

/** {@code POST /api/dossiers/{code}/withdraw}: the applicant takes the dossier back. */
public record WithdrawRequest(
        @Line(max = 1000, multiline = true) String reason) {}
