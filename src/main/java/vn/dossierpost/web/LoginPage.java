package vn.dossierpost.web;

/** The sign-in form, with the message of a refused attempt and where to go afterwards. */
public final class LoginPage extends Page {
    private final String next;
    private final String loginCsrf;
    private final String username;
    private final String message;

    LoginPage(String next, String loginCsrf, String username, String message) {
        super("login.ftlh", "Đăng nhập");
        this.next = next;
        this.loginCsrf = loginCsrf;
        this.username = username;
        this.message = message;
    }

    public String getNext() {
        return next == null ? "" : next;
    }

    /** The token of the sign-in form (also in the short-lived cookie; both must match). */
    public String getLoginCsrf() {
        return loginCsrf;
    }

    public String getUsername() {
        return username == null ? "" : username;
    }

    public String getMessage() {
        return message;
    }
}
