package vn.dossierpost.domain;

import java.security.Principal;

/** An authenticated caller: a member of staff bound to an office, or an agency's system. */
public record User(String username, Role role, String officeCode, String agencyCode, String fullName) implements Principal {

    @Override
    public String getName() {
        return username;
    }

    public boolean is(Role r) {
        return role == r;
    }

    /** Supervisors and administrators see every office's dossiers. */
    public boolean seesAllOffices() {
        return role == Role.SUPERVISOR || role == Role.ADMIN;
    }
}
