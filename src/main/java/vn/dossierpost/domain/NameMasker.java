package vn.dossierpost.domain;

import java.text.Normalizer;

/**
 * Masks a person's name for public tracking, which must not reveal who sent a dossier: each word
 * keeps its first letter, with its diacritics, and every further letter becomes '*'
 * ("Nguyễn Văn An" → "N***** V** A*"). The name is NFC-normalised first so that a letter typed
 * as base + combining marks counts as one letter. Public tracking reads names masked by the same
 * rule in SQL ({@code tracking_masked_name}, migration 027); TrackingProjectionTest holds the two equal.
 */
public final class NameMasker {

    private NameMasker() {}

    public static String mask(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            return "";
        }
        if (RetentionRule.TOMBSTONE.equals(fullName)) {
            return fullName; // purged: nothing left to hide, and "(đ* x** …" would read as a name
        }
        String nfc = Normalizer.normalize(fullName, Normalizer.Form.NFC).strip();
        StringBuilder out = new StringBuilder();
        for (String word : nfc.split("[\\s\\p{Z}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            maskWord(word, out);
        }
        return out.toString();
    }

    private static void maskWord(String word, StringBuilder out) {
        int[] cps = word.codePoints().toArray();
        int i = 0;
        out.appendCodePoint(cps[i++]);
        // marks with no precomposed form stay with the letter they belong to
        while (i < cps.length && isMark(cps[i])) {
            out.appendCodePoint(cps[i++]);
        }
        for (; i < cps.length; i++) {
            if (!isMark(cps[i])) {
                out.append('*');
            }
        }
    }

    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
