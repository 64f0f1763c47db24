package vn.dossierpost.web;

import io.dropwizard.views.common.View;
import java.nio.charset.StandardCharsets;
import vn.dossierpost.auth.WebSession;

/**
 * A page: its template under {@code src/main/resources/templates} and its title. Always UTF-8: a
 * browser asking in English would otherwise get ISO-8859-1 and lose every Vietnamese letter.
 */
public class Page extends View {
    private final String title;
    private WebSession staff;
    private String flash;

    protected Page(String template, String title) {
        super("/templates/" + template, StandardCharsets.UTF_8);
        this.title = title;
    }

    public String getTitle() {
        return title;
    }

    /** Who is signed in (the layout shows them and the sign-out button), or null on a public visit. */
    public WebSession getStaff() {
        return staff;
    }

    /** Where the brand in the header leads: the signed-in person's start page, else public tracking. */
    public String getHome() {
        return staff == null ? "/tra-cuu" : LocalPath.home(staff.user().role());
    }

    /** The session's CSRF token for forms and htmx, or null without a session. */
    public String getCsrfToken() {
        return staff == null ? null : staff.csrfToken();
    }

    /** The message a redirect left for this page ({@link Flash}), or null. */
    public String getFlash() {
        return flash;
    }

    /** The staff page of {@code session}: the layout shows who it is, their navigation, and the CSRF token. */
    public void signedIn(WebSession session) {
        this.staff = session;
    }

    void flash(String message) {
        this.flash = message;
    }
}
