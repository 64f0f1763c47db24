package vn.dossierpost.domain;

/** What a user may do; each user is bound to one post office or one agency (DESIGN.md). */
public enum Role {
    COUNTER,
    COURIER,
    AGENCY,
    SUPERVISOR,
    ADMIN;

    public boolean needsOffice() {
        return this == COUNTER || this == COURIER;
    }

    public boolean needsAgency() {
        return this == AGENCY;
    }
}
