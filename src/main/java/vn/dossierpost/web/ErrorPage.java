package vn.dossierpost.web;

/** What a person sees when a page cannot be shown: a sentence in Vietnamese and where to go, never a stack trace. */
public final class ErrorPage extends Page {
    private final int status;
    private final String message;
    private final String back;

    ErrorPage(int status, String title, String message, String back) {
        super("error.ftlh", title);
        this.status = status;
        this.message = message;
        this.back = back;
    }

    public int getStatus() {
        return status;
    }

    public String getMessage() {
        return message;
    }

    public String getBack() {
        return back;
    }
}
