package vn.dossierpost.web;

import vn.dossierpost.auth.WebSession;

/** A page for a signed-in member of staff with nothing more than the layout shows (the start page /trang-chu). */
public final class StaffPage extends Page {

    public StaffPage(String template, String title, WebSession session) {
        super(template, title);
        signedIn(session);
    }
}
