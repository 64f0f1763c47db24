package vn.dossierpost.domain;

import java.security.Principal;

/** An authenticated caller: a member of staff bound to an office, or an agency's system. */
public record User(String username, Role role, String officeCode, String agencyCode, String fullName)
        implements Principal {

    @Override
    public String getName() {
        return username;
    }

    /** The user as the author of a timeline entry. */
    public Actor actor() {
        return new Actor(username, officeCode, agencyCode);
    }
}
