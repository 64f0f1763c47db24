package vn.dossierpost.api;

/** {@code PUT /api/users/{username}/password}: the new password (the answer never repeats it). */
public record PasswordRequest(String password) {}
