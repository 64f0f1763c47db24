package vn.dossierpost.domain;

import java.security.Principal;

/** An authenticated caller: a member of staff bound to an office, or an agency's system. */
public record User(String username, Role role, String officeCode, String agencyCode, String fullName)
        implements Principal {

    @Override
    public String getName() {
        return username;
    }

    /**
     * The one post office whose dossiers and items the user is confined to: a clerk's or courier's
     * office, a supervisor's when bound to one; null for national reach (an administrator, a
     * supervisor bound to no office) and for an agency, which is scoped by agency instead.
     */
    public String officeScope() {
        return role == Role.ADMIN || role == Role.AGENCY ? null : officeCode;
    }

    /** The user as the author of a timeline entry. */
    public Actor actor() {
        return new Actor(username, officeCode, agencyCode);
    }
}
