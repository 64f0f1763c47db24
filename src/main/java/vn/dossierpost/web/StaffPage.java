package vn.dossierpost.web;

import vn.dossierpost.auth.WebSession;

/** A page for a signed-in member of staff; for now the greeting pages (/counter, /trang-chu). */
public final class StaffPage extends Page {

    StaffPage(String template, String title, WebSession session) {
        super(template, title);
        signedIn(session);
    }
}
