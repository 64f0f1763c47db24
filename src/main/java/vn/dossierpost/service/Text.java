package vn.dossierpost.service;

/** Text from requests, as the services read it: blank is the same as absent. */
public final class Text {
    private Text() {}

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public static String blankToNull(String s) {
        return blank(s) ? null : s;
    }
}
