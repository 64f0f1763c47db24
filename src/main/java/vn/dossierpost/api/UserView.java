package vn.dossierpost.api;

import java.time.OffsetDateTime;

/**
 * A user as {@code GET /api/users} shows them to an administrator: never a password or token hash,
 * only whether there is one; who last changed the credentials and when ({@code command} for the
 * {@code user} command).
 */
public record UserView(
        String username,
        String role,
        String officeCode,
        String agencyCode,
        String fullName,
        boolean active,
        boolean hasPassword,
        boolean hasToken,
        OffsetDateTime credentialsChangedAt,
        String credentialsChangedBy) {}
