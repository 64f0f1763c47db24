package vn.dossierpost.api;

/** One wrong field of a request: its path (e.g. {@code applicant.citizenId}) and what is expected there. */
public record FieldProblem(String field, String message) {}
