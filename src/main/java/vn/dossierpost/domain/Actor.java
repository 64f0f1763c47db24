package vn.dossierpost.domain;

/**
 * Who a timeline entry is by: a user, or a part of the service acting on its own (the handover
 * route, the fixity check), with the office or agency it acted for.
 */
public record Actor(String name, String officeCode, String agencyCode) {

    /** A part of the service itself, for no office or agency. */
    public static Actor system(String name) {
        return new Actor(name, null, null);
    }
}
