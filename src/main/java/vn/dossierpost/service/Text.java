package vn.dossierpost.service;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Text from requests, as the services read it: blank is the same as absent. And the one rule for
 * finding Vietnamese text typed with or without diacritics ("ly lich tu phap" finds "Lý lịch tư
 * pháp"): every page and service that searches by name goes through {@link #matches}.
 */
public final class Text {
    private Text() {}

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public static String blankToNull(String s) {
        return blank(s) ? null : s;
    }

    /** Lower case without diacritics (đ to d), spaces collapsed: the form both sides of a search are compared in. */
    public static String plain(String s) {
        if (s == null) {
            return "";
        }
        String bare = Normalizer.normalize(s.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        return bare.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    /**
     * Whether {@code text} holds every word of {@code query}, diacritics and case aside; a blank query
     * matches everything.
     */
    public static boolean matches(String text, String query) {
        return containsWords(plain(text), plain(query));
    }

    /** {@link #matches} for text and query already {@link #plain} (a list searched often folds its names once). */
    public static boolean containsWords(String plainText, String plainQuery) {
        return plainQuery.isEmpty() || Arrays.stream(plainQuery.split(" ")).allMatch(plainText::contains);
    }
}
