package vn.dossierpost.web;

import jakarta.ws.rs.core.NewCookie;

/**
 * The cookies of the web pages. {@value #SESSION}: the session token, for the browser's session
 * (the server ends it after the idle timeout), HttpOnly, SameSite=Lax, path /, Secure when
 * {@code web.secureCookies} is on. {@value #LOGIN_CSRF}: before a session exists, the sign-in form's
 * CSRF token (double submit: the form's hidden field must equal it), for an hour, path /login only.
 */
public final class Cookies {
    public static final String SESSION = "dossierpost_session";
    public static final String LOGIN_CSRF = "dossierpost_login_csrf";
    private static final int LOGIN_CSRF_SECONDS = 3600;

    private final boolean secure;

    public Cookies(boolean secure) {
        this.secure = secure;
    }

    NewCookie session(String token) {
        return builder(SESSION, token, "/").build();
    }

    NewCookie sessionCleared() {
        return builder(SESSION, "", "/").maxAge(0).build();
    }

    NewCookie loginCsrf(String token) {
        return builder(LOGIN_CSRF, token, "/login").maxAge(LOGIN_CSRF_SECONDS).build();
    }

    NewCookie loginCsrfCleared() {
        return builder(LOGIN_CSRF, "", "/login").maxAge(0).build();
    }

    private NewCookie.Builder builder(String name, String value, String path) {
        return new NewCookie.Builder(name)
                .value(value)
                .path(path)
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.LAX);
    }
}
