package vn.dossierpost.service.notify;

import java.text.Normalizer;

/**
 * SMS text without diacritics ("tin nhắn không dấu"), in at most two segments.
 * <p>
 * Why: one Vietnamese letter with its marks is outside the GSM 7-bit alphabet, so a message with
 * diacritics goes as UCS-2, 70 characters a segment (67 when concatenated); the same text folded to
 * ASCII goes as GSM 7-bit, 160 a segment (153 concatenated). Our messages (a 21-character dossier
 * code, an agency's name, a date) fit two GSM segments but would take three or four in UCS-2, at
 * twice the price or more, and several brand-name SMS routes in Vietnam accept unaccented text only.
 * Unaccented SMS is common practice and read without trouble; the e-mail carries the full wording.
 */
public final class SmsText {
    /** Two concatenated GSM 7-bit segments (2 × 153). */
    public static final int MAX_CHARS = 306;
    /** Printable ASCII that is not in the GSM 7-bit basic table (the extension table costs 2 each). */
    private static final String NOT_GSM_BASIC = "`^{}\\[]~|";

    private SmsText() {}

    /** The text folded to GSM 7-bit basic characters and cut to {@link #MAX_CHARS}. */
    public static String of(String text) {
        String folded = fold(text);
        return folded.length() <= MAX_CHARS
                ? folded
                : folded.substring(0, MAX_CHARS - 3).stripTrailing() + "...";
    }

    /** Vietnamese letters to their bare Latin letter (đ to d); anything else outside GSM 7-bit to '?'. */
    static String fold(String text) {
        String bare = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        StringBuilder out = new StringBuilder(bare.length());
        for (char c : bare.toCharArray()) {
            if (c == '\n' || c == '\r' || c == '\t') {
                out.append(' ');
            } else if (c == '–' || c == '—') {
                out.append('-');
            } else if (c < 0x20 || c > 0x7e || NOT_GSM_BASIC.indexOf(c) >= 0) {
                out.append('?');
            } else {
                out.append(c);
            }
        }
        return out.toString().replaceAll(" {2,}", " ").strip();
    }
}
